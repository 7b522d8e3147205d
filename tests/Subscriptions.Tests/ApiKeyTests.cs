using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

[Collection(WebhookCollection.Name)]
public class ApiKeyTests(WebhookFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client;

    private HttpClient KeyClient(string key, string service = "subscriptions") => AccessClient.KeyClient(fixture.Platform.RestUrl(service), key);

    [Fact]
    public async Task A_new_key_is_shown_once_and_no_read_or_audit_record_shows_it_or_its_hash()
    {
        var partner = AccessClient.NewPartner();
        using var response = await _admin.PostJsonAsync("/api/api-keys", new { partner, description = "Regionens system", personalData = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var created = await response.ReadJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/api-keys/{id}", response.Headers.Location?.ToString());
        Assert.Equal(partner, created.GetProperty("partner").GetString());
        Assert.True(created.GetProperty("personalData").GetBoolean());
        Assert.True(ApiKeyFormat.TryParse(created.GetProperty("key").GetString(), out var keyId, out var secret));
        Assert.Equal(id, keyId);

        var one = await _admin.TextAsync($"/api/api-keys/{id}");
        var listed = await _admin.TextAsync($"/api/api-keys?partner={partner}");
        var audit = await _admin.TextAsync($"/api/audit?entity=api-key:{id}");
        foreach (var text in new[] { one, listed, audit })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(ApiKeyFormat.Hash(secret), text);
            Assert.DoesNotContain("\"key\"", text);
        }
        Assert.Equal(id, Assert.Single(JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(["created"], (await _admin.AuditAsync($"api-key:{id}")).Actions());
    }

    [Fact]
    public async Task A_partner_key_authenticates_as_that_partner_and_lists_only_its_own_subscriptions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, keyA) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner("a"));
        var (bodyB, keyB) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner("b"));
        using var partnerA = KeyClient(keyA);
        using var partnerB = KeyClient(keyB);
        var (ownA, _) = await partnerA.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });
        var (ownB, _) = await partnerB.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });
        var (staffs, _) = await _admin.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });

        var seenByA = await partnerA.GetAllAsync<JsonElement>("/api/subscriptions");
        var seenByB = await partnerB.GetAllAsync<JsonElement>("/api/subscriptions");
        var seenByStaff = (await _admin.GetAllAsync<JsonElement>("/api/subscriptions")).Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.Equal(Id(ownA), Id(Assert.Single(seenByA)));
        Assert.Equal(Id(ownB), Id(Assert.Single(seenByB)));
        Assert.Equal(bodyB.GetProperty("partner").GetString(), ownB.GetProperty("owner").GetString());
        Assert.False(ownB.GetProperty("personalData").GetBoolean());
        Assert.Equal(JsonValueKind.Null, staffs.GetProperty("owner").ValueKind);
        Assert.Contains(Id(ownA), seenByStaff);
        Assert.Contains(Id(ownB), seenByStaff);
        Assert.Contains(Id(staffs), seenByStaff);
    }

    [Fact]
    public async Task A_partner_key_authenticates_on_another_service_through_the_key_directory()
    {
        var (_, key) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner());
        var (revokedBody, revokedKey) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner());
        using (var revoke = await _admin.DeleteAsync($"/api/api-keys/{revokedBody.GetProperty("id").GetString()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        ApiKeyFormat.TryParse(key, out var keyId, out _);

        using var valid = await GetInstitutionsWithAsync(key);
        using var revoked = await GetInstitutionsWithAsync(revokedKey);
        using var wrongSecret = await GetInstitutionsWithAsync(ApiKeyFormat.Compose(keyId, new string('x', 43)));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(wrongSecret, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_revoked_key_stops_authenticating_at_once_and_its_record_stays()
    {
        var (body, key) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner());
        var id = body.GetProperty("id").GetString()!;
        using var partner = KeyClient(key);
        using (var before = await partner.GetAsync("/api/subscriptions"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var revoke = await _admin.DeleteAsync($"/api/api-keys/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        using var after = await partner.GetAsync("/api/subscriptions");
        using var again = await _admin.DeleteAsync($"/api/api-keys/{id}");

        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var record = await _admin.GetJsonAsync<JsonElement>($"/api/api-keys/{id}");
        Assert.InRange(record.GetProperty("revokedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(["created", "revoked"], (await _admin.AuditAsync($"api-key:{id}")).Actions());
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("svk.short.secret")]
    [InlineData("svk.0123456789abcdef.too-short")]
    [InlineData("svk.0123456789abcdef.unknown-key-with-a-long-enough-secret")]
    public async Task A_malformed_or_unknown_key_is_refused_with_401_even_on_the_public_feed(string key)
    {
        using var client = KeyClient(key);

        using var response = await client.GetAsync("/api/changes?limit=1");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_national_staff_manage_keys_and_a_refused_create_stores_nothing()
    {
        var partner = AccessClient.NewPartner();
        var (_, partnerKey) = await _admin.CreateApiKeyAsync(AccessClient.NewPartner());
        using var withKey = KeyClient(partnerKey);
        var body = new { partner };

        using var anonymous = await fixture.AnonymousClient.PostJsonAsync("/api/api-keys", body);
        using var editor = await fixture.ClientAs(TokenRequest.Editor("uu")).PostJsonAsync("/api/api-keys", body);
        using var partnerToken = await fixture.ClientAs(TokenRequest.PartnerSystem(partner, personalData: true)).PostJsonAsync("/api/api-keys", body);
        using var partnerWithKey = await withKey.PostJsonAsync("/api/api-keys", body);
        using var listByPartner = await withKey.GetAsync("/api/api-keys");

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(editor, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partnerToken, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partnerWithKey, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(listByPartner, HttpStatusCode.Forbidden);
        Assert.Empty(await _admin.GetAllAsync<JsonElement>($"/api/api-keys?partner={partner}"));
        Assert.DoesNotContain(await _admin.AuditAsync("api-key"), record => record.GetProperty("after").GetProperty("partner").GetString() == partner);
    }

    [Fact]
    public async Task Invalid_key_fields_are_a_problem_naming_each_field()
    {
        using var missing = await _admin.PostJsonAsync("/api/api-keys", new { description = "Ingen partner" });
        await ProblemAssert.NamesFieldsAsync(missing, "partner");

        using var bad = await _admin.PostJsonAsync("/api/api-keys", new { partner = "Not A Slug!", description = new string('x', 501) });
        await ProblemAssert.NamesFieldsAsync(bad, "partner", "description");

        using var unknown = await _admin.PostJsonAsync("/api/api-keys", new { partner = "acme", key = "svk.mine" });
        await ProblemAssert.NamesFieldsAsync(unknown, "key");
    }

    private async Task<HttpResponseMessage> GetInstitutionsWithAsync(string key)
    {
        using var client = KeyClient(key, "institutions");
        var response = await client.GetAsync("/api/institutions?limit=1");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Id(JsonElement subscription) => subscription.GetProperty("id").GetString()!;
}
