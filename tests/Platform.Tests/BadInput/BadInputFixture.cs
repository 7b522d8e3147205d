using System.Net;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.BadInput;

/// <summary>
/// One institution, forum and contact on the shared platform to aim every bad-input case at, and
/// national staff under a subject of their own, so the audit records of these writes can be
/// told from those of the tests running beside them.
/// </summary>
public sealed class BadInputFixture(PlatformFixture platform) : IAsyncLifetime
{
    public PlatformFixture Platform => platform;

    public TargetIds Ids { get; private set; } = new("", "", "");

    public TokenRequest Caller { get; } = TokenRequest.Admin with { Subject = $"bad-input-{Guid.NewGuid():N}@samverkan.test" };

    public HttpClient Admin => platform.GatewayAs(Caller);

    public async ValueTask InitializeAsync()
    {
        var institution = await CreateAsync("/api/institutions", WriteTargets.InstitutionBody);
        var forum = await CreateAsync("/api/forums", WriteTargets.ForumBody);
        var contact = await CreateAsync("/api/contacts", WriteTargets.ContactBody(forum));
        Ids = new TargetIds(institution, forum, contact);
    }

    // The platform is the assembly's, disposed after every test; the targets go with it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> CreateAsync(string path, string json)
    {
        using var response = await Admin.PostAsync(path, WriteTargets.Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Access.CreatedResource>()).Id;
    }
}

/// <summary>The ids of the entries the writes under test change (or must leave unchanged).</summary>
public sealed record TargetIds(string Institution, string Forum, string Contact);
