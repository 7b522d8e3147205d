using System.Net;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>What the versioned-write block guarantees for subscriptions and API keys, seen on the wire.</summary>
[Collection(WebhookCollection.Name)]
public class VersionedWriteTests(WebhookFixture fixture)
{
    private readonly HttpClient _admin = fixture.Client;

    [Fact]
    public async Task A_stale_if_match_on_patch_rotate_replay_or_delete_is_412_and_changes_nothing_and_records_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (created, stale) = await _admin.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" }, description = "Före" });
        var id = created.GetProperty("id").GetString()!;
        var path = $"/api/subscriptions/{id}";
        using (var first = await _admin.SendJsonAsync(HttpMethod.Patch, path, new { description = "Efter" }, stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var patch = await _admin.SendJsonAsync(HttpMethod.Patch, path, new { description = "Förlorad", enabled = false }, stale);
        using var rotate = await _admin.SendJsonAsync(HttpMethod.Post, $"{path}/secret/rotate", new { overlapHours = 1 }, stale);
        using var replay = await _admin.SendJsonAsync(HttpMethod.Post, $"{path}/replay", new { after = 0 }, stale);
        using var delete = await _admin.SendJsonAsync(HttpMethod.Delete, path, null, stale);

        foreach (var refused in new[] { patch, rotate, replay, delete })
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.PreconditionFailed);
        }
        var after = await _admin.GetSubscriptionAsync(id);
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        Assert.Equal("Efter", after.GetProperty("description").GetString());
        Assert.True(after.GetProperty("enabled").GetBoolean());
        Assert.True(!after.TryGetProperty("previousSecretExpiresAt", out var previous) || previous.ValueKind == JsonValueKind.Null);
        Assert.Equal(["created", "updated"], (await _admin.AuditAsync($"subscription:{id}")).Actions());
    }

    [Fact]
    public async Task Every_write_answers_the_version_it_stored_as_its_etag_and_a_replay_keeps_the_version()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (created, etag) = await _admin.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });
        var path = $"/api/subscriptions/{created.GetProperty("id").GetString()}";

        using var patched = await _admin.SendJsonAsync(HttpMethod.Patch, path, new { description = "Ny" }, etag);
        using var rotated = await _admin.SendJsonAsync(HttpMethod.Post, $"{path}/secret/rotate", new { }, patched.Headers.ETag!.Tag);
        using var replayed = await _admin.SendJsonAsync(HttpMethod.Post, $"{path}/replay", new { after = 0 }, rotated.Headers.ETag!.Tag);
        using var deleted = await _admin.SendJsonAsync(HttpMethod.Delete, path, null, replayed.Headers.ETag!.Tag);

        Assert.Equal(["\"2\"", "\"3\"", "\"3\""], new[] { patched, rotated, replayed }.Select(response => response.Headers.ETag!.Tag));
        Assert.Equal("no-store", rotated.Headers.CacheControl?.ToString());
        Assert.Equal(3, (await replayed.ReadJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task A_stale_if_match_on_revoke_is_412_and_the_key_still_authenticates()
    {
        var partner = AccessClient.NewPartner();
        var (created, key) = await _admin.CreateApiKeyAsync(partner);
        var id = created.GetProperty("id").GetString()!;

        using var stale = await _admin.SendJsonAsync(HttpMethod.Delete, $"/api/api-keys/{id}", null, "\"7\"");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        using var withKey = AccessClient.KeyClient(fixture.Platform.RestUrl("subscriptions"), key);
        using var listed = await withKey.GetAsync("/api/subscriptions");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(["created"], (await _admin.AuditAsync($"api-key:{id}")).Actions());
    }
}
