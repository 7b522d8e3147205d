using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>Whose subscriptions a caller sees and changes, and what the audit trail records of it.</summary>
[Collection(WebhookCollection.Name)]
public class SubscriptionAccessTests(WebhookFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client;

    [Fact]
    public async Task A_partner_can_neither_read_nor_change_another_partners_subscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var owner = fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner("owner")));
        var other = fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner("other"), personalData: true));
        var (created, etag) = await owner.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" }, description = "Min" });
        var id = created.GetProperty("id").GetString()!;
        var path = $"/api/subscriptions/{id}";

        HttpResponseMessage[] refused =
        [
            await other.GetAsync(path),
            await other.GetAsync($"{path}/deliveries"),
            await other.SendJsonAsync(HttpMethod.Patch, path, new { description = "Kapad", enabled = false }),
            await other.DeleteAsync(path),
            await other.SendJsonAsync(HttpMethod.Post, $"{path}/secret/rotate", new { overlapHours = 0 }),
            await other.SendJsonAsync(HttpMethod.Post, $"{path}/replay", new { after = 0 }),
            await other.SendJsonAsync(HttpMethod.Post, $"{path}/ping"),
        ];

        foreach (var response in refused)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
            response.Dispose();
        }
        Assert.DoesNotContain(id, await other.TextAsync("/api/subscriptions"));
        var unchanged = await owner.GetSubscriptionAsync(id);
        Assert.Equal(1, unchanged.GetProperty("version").GetInt64());
        Assert.Equal("Min", unchanged.GetProperty("description").GetString());
        Assert.True(unchanged.GetProperty("enabled").GetBoolean());
        Assert.Empty(receiver.Received);
        Assert.Equal(["created"], (await _admin.AuditAsync($"subscription:{id}")).Actions());
        using var stillMine = await owner.SendJsonAsync(HttpMethod.Patch, path, new { description = "Fortfarande min" }, etag);
        Assert.Equal(HttpStatusCode.OK, stillMine.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_organisation_editors_403_on_subscriptions()
    {
        var body = new { url = "http://127.0.0.1:9/hook" };
        var editor = fixture.ClientAs(TokenRequest.Editor("uu"));

        using var anonymousList = await fixture.AnonymousClient.GetAsync("/api/subscriptions");
        using var anonymousCreate = await fixture.AnonymousClient.PostJsonAsync("/api/subscriptions", body);
        using var editorList = await editor.GetAsync("/api/subscriptions");
        using var editorCreate = await editor.PostJsonAsync("/api/subscriptions", body);
        using var partnerWithoutId = await fixture.ClientAs(new TokenRequest("partner", Subject: "client:nameless")).PostJsonAsync("/api/subscriptions", body);

        await ProblemAssert.IsProblemAsync(anonymousList, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(anonymousCreate, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(editorList, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(editorCreate, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partnerWithoutId, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task National_staff_subscribe_on_a_partners_behalf_and_the_partner_then_manages_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = AccessClient.NewPartner();
        var client = fixture.ClientAs(TokenRequest.PartnerSystem(partner));

        var (created, _) = await _admin.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" }, owner = partner });
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal(partner, created.GetProperty("owner").GetString());
        Assert.False(created.GetProperty("personalData").GetBoolean());
        Assert.Equal(id, Assert.Single(await client.GetAllAsync<JsonElement>("/api/subscriptions")).GetProperty("id").GetString());
        var ping = await client.PostForJsonAsync($"/api/subscriptions/{id}/ping");
        Assert.True(ping.GetProperty("success").GetBoolean());

        using var badOwner = await _admin.PostJsonAsync("/api/subscriptions", new { url = receiver.Url.ToString(), owner = "Inte En Partner" });
        await ProblemAssert.NamesFieldsAsync(badOwner, "owner");
    }

    [Fact]
    public async Task A_partners_subscription_may_carry_personal_data_only_with_the_right_and_is_always_its_own()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url.ToString();
        var without = fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner()));
        var with = fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner(), personalData: true));

        using var asksTooMuch = await without.PostJsonAsync("/api/subscriptions", new { url, personalData = true });
        using var forAnother = await without.PostJsonAsync("/api/subscriptions", new { url, owner = AccessClient.NewPartner() });
        var (plain, plainETag) = await without.CreateSubscriptionAsync(new { url });
        var (personal, _) = await with.CreateSubscriptionAsync(new { url });
        var (optedOut, _) = await with.CreateSubscriptionAsync(new { url, personalData = false });
        using var raise = await without.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{plain.GetProperty("id").GetString()}", new { personalData = true }, plainETag);

        await ProblemAssert.IsProblemAsync(asksTooMuch, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(forAnother, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(raise, HttpStatusCode.Forbidden);
        Assert.False(plain.GetProperty("personalData").GetBoolean());
        Assert.True(personal.GetProperty("personalData").GetBoolean());
        Assert.False(optedOut.GetProperty("personalData").GetBoolean());
    }

    [Fact]
    public async Task Every_successful_write_leaves_one_audit_record_without_secrets_and_a_refused_one_none()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var partner = AccessClient.NewPartner();
        var client = fixture.ClientAs(TokenRequest.PartnerSystem(partner));
        var (created, _) = await client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });
        var id = created.GetProperty("id").GetString()!;
        var path = $"/api/subscriptions/{id}";
        var secrets = new List<string> { created.GetProperty("secret").GetString()! };

        using (var patched = await client.SendJsonAsync(HttpMethod.Patch, path, new { description = "Ändrad" }))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }
        using (var invalid = await client.SendJsonAsync(HttpMethod.Patch, path, new { url = "inte-en-url" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }
        secrets.Add((await client.PostForJsonAsync($"{path}/secret/rotate", new { overlapHours = 1 })).GetProperty("secret").GetString()!);
        await client.PostForJsonAsync($"{path}/replay", new { after = 0 });
        await client.PostForJsonAsync($"{path}/ping");
        using (var deleted = await client.DeleteAsync(path))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var records = await _admin.AuditAsync($"subscription:{id}");
        Assert.Equal(["created", "updated", "secret-rotated", "replayed", "pinged", "deleted"], records.Actions());
        Assert.All(records, record =>
        {
            Assert.Equal($"client:{partner}", record.GetProperty("actor").GetProperty("subject").GetString());
            Assert.Equal(partner, record.GetProperty("actor").GetProperty("partner").GetString());
        });
        Assert.Equal(["description"], records[1].GetProperty("changed").EnumerateArray().Select(field => field.GetString()));
        Assert.Contains("secrets", records[2].GetProperty("changed").EnumerateArray().Select(field => field.GetString()));
        Assert.Equal(0, records[3].GetProperty("after").GetProperty("deliveryPosition").GetInt64());
        var text = await _admin.TextAsync($"/api/audit?entity=subscription:{id}");
        Assert.DoesNotContain("whsec_", text);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret["whsec_".Length..], text));
    }
}
