using System.Net;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>The gateway's merged audit trail over every service's own.</summary>
public sealed class AuditTrailTests(PlatformFixture fixture)
{
    [Fact]
    public async Task An_anonymous_caller_may_not_read_the_audit_trail()
    {
        using var response = await fixture.AnonymousGateway.GetAsync("/api/audit");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_organisation_editor_may_not_read_the_audit_trail()
    {
        using var response = await fixture.GatewayAs(TokenRequest.Editor("uppsala-universitet")).GetAsync("/api/audit");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task National_staff_read_the_changes_of_several_services_merged_in_time_order_and_page_through_them_one_by_one()
    {
        var caller = TokenRequest.Admin with { Subject = $"audit-{Guid.NewGuid():N}@samverkan.test" };
        var admin = fixture.GatewayAs(caller);
        var institution = await CreateAsync<Institution>(admin, "/api/institutions", new { name = $"Granskade högskolan {Guid.NewGuid():N}", kind = "university" });
        var forum = await CreateAsync<Forum>(admin, "/api/forums", new
        {
            name = $"Granskat forum {Guid.NewGuid():N}",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = institution.Id } },
        });

        var all = await admin.GetJsonAsync<Page<AuditItem>>($"/api/audit?actor={Uri.EscapeDataString(caller.Subject!)}&limit=1000");
        var walked = await admin.GetAllAsync<AuditItem>($"/api/audit?actor={Uri.EscapeDataString(caller.Subject!)}&limit=1");

        Assert.Null(all.NextCursor);
        Assert.Contains(all.Items, item => item.Service == "institutions" && item.Entity.Id == institution.Id);
        Assert.Contains(all.Items, item => item.Service == "forums" && item.Entity.Id == forum.Id);
        Assert.All(all.Items, item => Assert.Equal(caller.Subject, item.Actor.Subject));
        Assert.Equal(all.Items.Select(Key), walked.Select(Key));
        Assert.Equal(walked.Count, walked.Select(Key).Distinct().Count());
        Assert.Equal(all.Items.OrderBy(item => item.At).ThenBy(item => item.Service, StringComparer.Ordinal).ThenBy(item => item.Id, StringComparer.Ordinal).Select(Key),
            all.Items.Select(Key));
    }

    [Fact]
    public async Task The_entity_filter_reaches_every_service()
    {
        var caller = TokenRequest.Admin with { Subject = $"audit-{Guid.NewGuid():N}@samverkan.test" };
        var admin = fixture.GatewayAs(caller);
        var institution = await CreateAsync<Institution>(admin, "/api/institutions", new { name = $"Filtrerade högskolan {Guid.NewGuid():N}", kind = "university" });
        var created = Assert.Single(
            await admin.GetAllAsync<AuditItem>($"/api/audit?actor={Uri.EscapeDataString(caller.Subject!)}"), item => item.Entity.Id == institution.Id);

        var filtered = await admin.GetAllAsync<AuditItem>($"/api/audit?entity={created.Entity.Type}:{Uri.EscapeDataString(institution.Id)}");

        Assert.Equal([Key(created)], filtered.Select(Key));
    }

    [Fact]
    public async Task A_cursor_the_gateway_did_not_hand_out_is_a_400_naming_it()
    {
        using var response = await fixture.Gateway.GetAsync("/api/audit?cursor=bm90LWpzb24");

        await ProblemAssert.NamesFieldsAsync(response, "cursor");
    }

    private static string Key(AuditItem item) => $"{item.Service}/{item.Id}";

    private static async Task<T> CreateAsync<T>(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<T>();
    }
}

public sealed record AuditActor(string Subject, IReadOnlyList<string> Roles);

public sealed record AuditEntity(string Type, string Id);

public sealed record AuditItem(string Id, DateTimeOffset At, string Service, AuditActor Actor, string Action, AuditEntity Entity, string? TraceId);
