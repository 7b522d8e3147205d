using System.Net;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.BadInput;

/// <summary>
/// One platform for every bad-input case, with one institution, forum and contact to aim the
/// writes at, and national staff under a subject of their own, so the audit records of these
/// writes can be told from any other test's.
/// </summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public PlatformFixture Platform { get; } = new();

    public TargetIds Ids { get; private set; } = new("", "", "");

    public TokenRequest Caller { get; } = TokenRequest.Admin with { Subject = $"bad-input-{Guid.NewGuid():N}@samverkan.test" };

    public HttpClient Admin => Platform.GatewayAs(Caller);

    public async ValueTask InitializeAsync()
    {
        await Platform.InitializeAsync();
        var institution = await CreateAsync("/api/institutions", WriteTargets.InstitutionBody);
        var forum = await CreateAsync("/api/forums", WriteTargets.ForumBody);
        var contact = await CreateAsync("/api/contacts", WriteTargets.ContactBody(forum));
        Ids = new TargetIds(institution, forum, contact);
    }

    public ValueTask DisposeAsync() => Platform.DisposeAsync();

    private async Task<string> CreateAsync(string path, string json)
    {
        using var response = await Admin.PostAsync(path, WriteTargets.Json(json));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Access.CreatedResource>()).Id;
    }
}

/// <summary>The ids of the entries the writes under test change (or must leave unchanged).</summary>
public sealed record TargetIds(string Institution, string Forum, string Contact);
