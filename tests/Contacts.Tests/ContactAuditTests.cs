using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Every change to a contact leaves an audit record in the same commit: who (subject, role,
/// organisation), what (action, the fields that changed), and the trace, with personal values
/// masked. Refused writes leave none, and only national staff read the trail.
/// </summary>
public class ContactAuditTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private const string Masked = "(personal data)";

    [Fact]
    public async Task Each_write_by_an_editor_is_recorded_with_its_actor_trace_and_changed_fields_and_no_personal_value()
    {
        var ownerId = await fixture.CreateInstitutionAsync();
        var institutionId = await fixture.CreateInstitutionAsync();
        var editorToken = TokenRequest.Editor(ownerId);
        var editor = fixture.ClientAs(editorToken);
        var person = PersonalContact.New();
        var corrected = person with { Email = $"{Guid.NewGuid():N}@example.se" };
        var traces = Enumerable.Range(0, 4).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();

        using var created = await SendAsync(editor, HttpMethod.Post, "/api/contacts", traces[0], person.Body(institutionId, ownerId));
        var id = (await created.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var updated = await SendAsync(editor, HttpMethod.Put, $"/api/contacts/{id}", traces[1], corrected.Body(institutionId, ownerId, "Prefekt"));
        using var verified = await SendAsync(editor, HttpMethod.Post, $"/api/contacts/{id}/verify", traces[2]);
        using var erased = await SendAsync(editor, HttpMethod.Delete, $"/api/contacts/{id}", traces[3]);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent], new[] { updated, verified, erased }.Select(r => r.StatusCode));

        var (records, raw) = await AuditAsync($"entity=contact:{id}");

        Assert.Equal(["created", "updated", "verified", "erased"], records.Select(r => r.GetProperty("action").GetString()));
        Assert.All(person.Values.Append(corrected.Email), value => Assert.DoesNotContain(value, raw, StringComparison.Ordinal));
        for (var i = 0; i < records.Count; i++)
        {
            var actor = records[i].GetProperty("actor");
            Assert.Equal(editorToken.Subject, actor.GetProperty("subject").GetString());
            Assert.Equal(["org-editor"], Strings(actor.GetProperty("roles")));
            Assert.Equal([ownerId], Strings(actor.GetProperty("organisations")));
            Assert.Equal(traces[i], records[i].GetProperty("traceId").GetString());
            Assert.Equal(("contacts", "contact", id), (records[i].GetProperty("service").GetString(),
                records[i].GetProperty("entity").GetProperty("type").GetString(), records[i].GetProperty("entity").GetProperty("id").GetString()));
        }
        var (create, update, verify, erase) = (records[0], records[1], records[2], records[3]);
        Assert.Equal(JsonValueKind.Null, create.GetProperty("before").ValueKind);
        Assert.Equal(Masked, create.GetProperty("after").GetProperty("person").GetProperty("email").GetString());
        Assert.Equal(Masked, create.GetProperty("after").GetProperty("note").GetString());
        Assert.Equal(["function", "person.email"], Strings(update.GetProperty("changed")).Order(StringComparer.Ordinal));
        Assert.Equal(["verifiedOn"], Strings(verify.GetProperty("changed")));
        Assert.Superset(new HashSet<string> { "person.name", "person.email", "person.phone", "note", "erasedOn" }, Strings(erase.GetProperty("changed")).ToHashSet());
        var tombstone = erase.GetProperty("after");
        Assert.Equal(("Prefekt", ownerId, institutionId), (tombstone.GetProperty("function").GetString(),
            tombstone.GetProperty("ownerInstitutionId").GetString(), tombstone.GetProperty("institutionId").GetString()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (tombstone.GetProperty("person").ValueKind, tombstone.GetProperty("note").ValueKind));
        Assert.Contains(DateOnly.Parse(tombstone.GetProperty("erasedOn").GetString()!), new[] { fixture.Clock.SwedishToday.AddDays(-1), fixture.Clock.SwedishToday });
        Assert.Equal(Masked, erase.GetProperty("before").GetProperty("person").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Refused_writes_leave_no_audit_record()
    {
        var ownerId = await fixture.CreateInstitutionAsync();
        var institutionId = await fixture.CreateInstitutionAsync();
        var (contact, _) = await fixture.Client.CreateContactAsync(PersonalContact.New().Body(institutionId, ownerId));
        var otherId = await fixture.CreateInstitutionAsync();
        var outsider = TokenRequest.Editor(otherId);
        var client = fixture.ClientAs(outsider);

        using var create = await client.PostJsonAsync("/api/contacts", PersonalContact.New().Body(institutionId, ownerId));
        using var replace = await client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{contact.Id}", PersonalContact.New().Body(institutionId, ownerId));
        using var verify = await client.PostAsync($"/api/contacts/{contact.Id}/verify", null);
        using var erase = await client.DeleteAsync($"/api/contacts/{contact.Id}");
        Assert.All(new[] { create, replace, verify, erase }, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));

        Assert.Empty((await AuditAsync($"actor={outsider.Subject}")).Records);
        Assert.Equal(["created"], (await AuditAsync($"entity=contact:{contact.Id}")).Records.Select(r => r.GetProperty("action").GetString()));
        // The same caller's own write is found by the same query, so the empty answer above means something.
        await client.CreateContactAsync(new { kind = "function", function = "Prefekt", institutionId, ownerInstitutionId = otherId });
        Assert.Single((await AuditAsync($"actor={outsider.Subject}")).Records);
    }

    [Fact]
    public async Task The_audit_trail_is_refused_to_anyone_but_registry_admins()
    {
        using var anonymous = await fixture.AnonymousClient.GetAsync("/api/audit");
        using var editor = await fixture.ClientAs(TokenRequest.Editor("uu")).GetAsync("/api/audit");
        using var partner = await fixture.ClientAs(TokenRequest.PartnerSystem("acme", personalData: true)).GetAsync("/api/audit");
        using var admin = await fixture.Client.GetAsync("/api/audit");

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(editor, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partner, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    /// <summary>Every audit record matching the query, read as national staff, with the raw pages.</summary>
    private async Task<(List<JsonElement> Records, string Raw)> AuditAsync(string query)
    {
        var records = new List<JsonElement>();
        var raw = "";
        string? cursor = null;
        do
        {
            var body = await fixture.Client.GetStringAsync($"/api/audit?{query}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            raw += body;
            var page = JsonDocument.Parse(body).RootElement.Clone();
            records.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return (records, raw);
    }

    /// <summary>A request in a trace of our choosing, as a caller upstream (the gateway) would have started it.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string traceId, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: JsonHttp.Options) };
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");
        return client.SendAsync(request);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();
}
