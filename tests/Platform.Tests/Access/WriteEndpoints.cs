using System.Net;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>A write request ready to send, with what it changes: its audit entity and where to read it back.</summary>
public sealed record PreparedWrite(string Service, HttpMethod Method, string Path, object? Body, string AuditType, string? EntityId, string? ReadBack);

/// <summary>
/// Every write endpoint of the public API, each able to prepare a fresh target (created by
/// national staff, or by the partner itself for its own subscriptions) so no case depends on another.
/// </summary>
public sealed record WriteEndpoint(string Name, string Owner, Func<WriteContext, Task<PreparedWrite>> Prepare)
{
    public const string OwnerInstitution = "umea-universitet";

    public static readonly IReadOnlyList<WriteEndpoint> All =
    [
        new("create institution", "registry", _ => Task.FromResult(
            new PreparedWrite("institutions", HttpMethod.Post, "/api/institutions", NewInstitution(), "institution", null, null))),
        Institution("update institution", HttpMethod.Put, "", id => NewInstitution()),
        Institution("retire institution", HttpMethod.Delete, "", _ => null),
        Institution("merge institution", HttpMethod.Post, "/merge", _ => new { successorId = OwnerInstitution }),
        Institution("record planned merger", HttpMethod.Post, "/planned-mergers", _ => new { note = "Planned and dropped", dropped = true }),

        new("replace region members", "registry", async context =>
        {
            // The six regions are fixed, so the target is a region everyone shares: the write adds a
            // membership of an institution id of its own that ended long ago, which no answer about
            // today (and no other test) sees.
            var members = await context.ReadAsAdminAsync<RegionMembers>("/api/regions/norra/members");
            object[] body = [.. members.Members, new { institutionId = $"matrix-{Guid.NewGuid():N}", from = "2001-01-01", to = "2001-12-31" }];
            return new PreparedWrite("regions", HttpMethod.Put, "/api/regions/norra/members", new { members = body }, "region", "norra", "/api/regions/norra/members");
        }),

        new("create forum", "registry", _ => Task.FromResult(
            new PreparedWrite("forums", HttpMethod.Post, "/api/forums", NewForum(), "forum", null, null))),
        Forum("update forum", HttpMethod.Put, "", NewForum()),
        Forum("delete forum", HttpMethod.Delete, "", null),
        Forum("record meeting", HttpMethod.Post, "/meetings", new { on = "2021-05-05" }),

        new("create contact", "organisation", async context => new PreparedWrite(
            "contacts", HttpMethod.Post, "/api/contacts", NewContact(await context.CreateAsAdminAsync("/api/forums", NewForum())), "contact", null, null)),
        Contact("update contact", HttpMethod.Put, "", forum => NewContact(forum, "Secretary of the matrix forum")),
        Contact("erase contact", HttpMethod.Delete, "", _ => null),
        Contact("verify contact", HttpMethod.Post, "/verify", _ => null),

        new("create subscription", "partner", _ => Task.FromResult(
            new PreparedWrite("subscriptions", HttpMethod.Post, "/api/subscriptions", NewSubscription(), "subscription", null, null))),
        Subscription("update subscription", new HttpMethod("PATCH"), "", new { description = "Changed" }),
        Subscription("delete subscription", HttpMethod.Delete, "", null),
        Subscription("rotate subscription secret", HttpMethod.Post, "/secret/rotate", new { }),
        Subscription("replay subscription", HttpMethod.Post, "/replay", new { after = 0 }),
        Subscription("ping subscription", HttpMethod.Post, "/ping", new { }),

        new("create api key", "registry", _ => Task.FromResult(
            new PreparedWrite("subscriptions", HttpMethod.Post, "/api/api-keys", new { partner = "matrix-partner", description = "Matrix" }, "api-key", null, null))),
        new("revoke api key", "registry", async context =>
        {
            var id = await context.CreateAsAdminAsync("/api/api-keys", new { partner = "matrix-partner", description = "Matrix" });
            return new PreparedWrite("subscriptions", HttpMethod.Delete, $"/api/api-keys/{id}", null, "api-key", id, $"/api/api-keys/{id}");
        }),
    ];

    public static WriteEndpoint Named(string name) => All.Single(endpoint => endpoint.Name == name);

    public override string ToString() => Name;

    private static WriteEndpoint Institution(string name, HttpMethod method, string suffix, Func<string, object?> body) =>
        new(name, "registry", async context =>
        {
            var id = await context.CreateAsAdminAsync("/api/institutions", NewInstitution());
            return new PreparedWrite("institutions", method, $"/api/institutions/{id}{suffix}", body(id), "institution", id, $"/api/institutions/{id}");
        });

    private static WriteEndpoint Forum(string name, HttpMethod method, string suffix, object? body) =>
        new(name, "registry", async context =>
        {
            var id = await context.CreateAsAdminAsync("/api/forums", NewForum());
            return new PreparedWrite("forums", method, $"/api/forums/{id}{suffix}", body, "forum", id, $"/api/forums/{id}");
        });

    private static WriteEndpoint Contact(string name, HttpMethod method, string suffix, Func<string, object?> body) =>
        new(name, "organisation", async context =>
        {
            var forum = await context.CreateAsAdminAsync("/api/forums", NewForum());
            var id = await context.CreateAsAdminAsync("/api/contacts", NewContact(forum));
            return new PreparedWrite("contacts", method, $"/api/contacts/{id}{suffix}", body(forum), "contact", id, $"/api/contacts/{id}");
        });

    private static WriteEndpoint Subscription(string name, HttpMethod method, string suffix, object? body) =>
        new(name, "partner", async context =>
        {
            // A partner acts on its own subscription; everyone else on one national staff made.
            var id = await context.CreateAsOwnerAsync("/api/subscriptions", NewSubscription());
            return new PreparedWrite("subscriptions", method, $"/api/subscriptions/{id}{suffix}", body, "subscription", id, $"/api/subscriptions/{id}");
        });

    private static object NewInstitution() => new { name = $"Matrishögskolan {Guid.NewGuid():N}", kind = "university" };

    private static object NewForum() => new
    {
        name = $"Matrisforum {Guid.NewGuid():N}",
        regionIds = new[] { "norra" },
        participants = new[] { new { institutionId = OwnerInstitution, capacity = "member" } },
        meetings = new { min = 2, max = 4, per = "year", form = "mixed" },
        cooperationKinds = new[] { "informationExchange" },
    };

    private static object NewContact(string forumId, string function = "Chair of the matrix forum") => new
    {
        kind = "person",
        function,
        forumId,
        ownerInstitutionId = OwnerInstitution,
        person = new { name = "Matris Person", email = "matris.person@example.se", phone = "+46 90 123 45 67" },
    };

    // Regions are created only at seed, before the subscription starts (their membership changes
    // are of another type): no background delivery alters the subscription between the reads that
    // check a refused write changed nothing.
    private static object NewSubscription() =>
        new { url = "https://partner.example/matrix-hook", types = new[] { "samverkan.region.created.v1" }, description = "Matrix" };
}

/// <summary>What preparing a write needs: clients for national staff and for the caller under test.</summary>
/// <param name="admin">National staff, who create every other target.</param>
/// <param name="partner">The caller when it is a partner, which creates its own resources; null for any other caller.</param>
public sealed class WriteContext(HttpClient admin, HttpClient? partner)
{
    public async Task<string> CreateAsAdminAsync(string path, object body) => await CreateAsync(admin, path, body);

    public Task<T> ReadAsAdminAsync<T>(string path) => admin.GetJsonAsync<T>(path);

    /// <summary>Created by the caller when it is a partner (its own resource), else by national staff.</summary>
    public async Task<string> CreateAsOwnerAsync(string path, object body) => await CreateAsync(partner ?? admin, path, body);

    private static async Task<string> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<CreatedResource>()).Id;
    }
}

public sealed record CreatedResource(string Id);

/// <summary>A region's memberships as read, each kept as sent back (every field, whatever it holds).</summary>
public sealed record RegionMembers(IReadOnlyList<System.Text.Json.JsonElement> Members);
