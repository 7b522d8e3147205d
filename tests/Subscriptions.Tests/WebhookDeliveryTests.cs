using System.Globalization;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

[Collection(WebhookCollection.Name)]
public class WebhookDeliveryTests(WebhookFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_delivery_carries_a_signature_that_a_verifier_written_from_the_spec_accepts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");

        var id = await fixture.CreateInstitutionAsync("Högskolan i Signaturen");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == id), "the delivery");

        var delivery = receiver.Received.Single(r => r.Subject == id);
        var now = DateTimeOffset.UtcNow;
        Assert.True(StandardWebhookVerifier.Verify(secret, delivery, now));
        Assert.Equal(delivery.Event.GetProperty("id").GetString(), delivery.Id);
        Assert.Equal("samverkan.institution.created.v1", delivery.Type);
        Assert.True(delivery.Position > 0);
        Assert.InRange(long.Parse(delivery.Timestamp, CultureInfo.InvariantCulture), now.AddMinutes(-1).ToUnixTimeSeconds(), now.ToUnixTimeSeconds());

        var forgedBody = delivery.Body.Replace("Signaturen", "Förfalskningen", StringComparison.Ordinal);
        Assert.False(StandardWebhookVerifier.Verify(secret, delivery with { Body = forgedBody }, now));
        Assert.False(StandardWebhookVerifier.Verify("whsec_" + Convert.ToBase64String(new byte[24]), delivery, now));
        var stale = now.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var staleButSigned = delivery with { Timestamp = stale, Signature = StandardWebhookVerifier.Sign(secret, delivery.Id, stale, delivery.Body) };
        Assert.False(StandardWebhookVerifier.Verify(secret, staleButSigned, now));
        Assert.True(StandardWebhookVerifier.Verify(secret, staleButSigned, now.AddMinutes(-6)));
    }

    [Fact]
    public async Task The_secret_is_shown_only_at_creation_and_a_rotation_signs_with_both_secrets_during_the_overlap()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (created, etag) = await _client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.ping.v1" } });
        var id = created.GetProperty("id").GetString()!;
        var first = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", first);
        Assert.Equal(24, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.False((await _client.GetSubscriptionAsync(id)).TryGetProperty("secret", out _));
        var listed = await _client.GetAllAsync<JsonElement>("/api/subscriptions");
        Assert.False(listed.Single(s => s.GetProperty("id").GetString() == id).TryGetProperty("secret", out _));

        using var rotation = await _client.SendJsonAsync(HttpMethod.Post, $"/api/subscriptions/{id}/secret/rotate", new { overlapHours = 24 }, etag);
        var rotated = await rotation.ReadJsonAsync<JsonElement>();
        var second = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(first, second);
        Assert.InRange(rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        Assert.False((await _client.GetSubscriptionAsync(id)).TryGetProperty("secret", out _));

        await _client.PostForJsonAsync($"/api/subscriptions/{id}/ping");
        var duringOverlap = receiver.Received[^1];
        Assert.Equal(2, duringOverlap.Signature.Split(' ').Length);
        Assert.True(StandardWebhookVerifier.Verify(second, duringOverlap, DateTimeOffset.UtcNow));
        Assert.True(StandardWebhookVerifier.Verify(first, duringOverlap, DateTimeOffset.UtcNow));

        var third = (await _client.PostForJsonAsync($"/api/subscriptions/{id}/secret/rotate", new { overlapHours = 0 })).GetProperty("secret").GetString()!;
        await _client.PostForJsonAsync($"/api/subscriptions/{id}/ping");
        var afterOverlap = receiver.Received[^1];
        Assert.Single(afterOverlap.Signature.Split(' '));
        Assert.True(StandardWebhookVerifier.Verify(third, afterOverlap, DateTimeOffset.UtcNow));
        Assert.False(StandardWebhookVerifier.Verify(second, afterOverlap, DateTimeOffset.UtcNow));
        Assert.False(StandardWebhookVerifier.Verify(first, afterOverlap, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_ping_sends_one_signed_ping_event_at_once_and_returns_the_answer()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(202));
        var (id, secret) = await _client.SubscribeAsync(receiver, "samverkan.ping.v1");

        var ping = await _client.PostForJsonAsync($"/api/subscriptions/{id}/ping");

        Assert.True(ping.GetProperty("success").GetBoolean());
        Assert.Equal(202, ping.GetProperty("statusCode").GetInt32());
        var received = Assert.Single(receiver.Received);
        Assert.Equal("samverkan.ping.v1", received.Type);
        Assert.Equal(ping.GetProperty("eventId").GetString(), received.Id);
        Assert.True(StandardWebhookVerifier.Verify(secret, received, DateTimeOffset.UtcNow));
        var log = await _client.GetAllAsync<JsonElement>($"/api/subscriptions/{id}/deliveries");
        var entry = Assert.Single(log);
        Assert.Equal("delivered", entry.GetProperty("status").GetString());
        Assert.Equal(202, Assert.Single(entry.GetProperty("attempts").EnumerateArray()).GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_replay_from_a_position_delivers_the_same_events_again_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        var first = await fixture.CreateInstitutionAsync("Högskolan i Reprisen");
        var second = await fixture.CreateInstitutionAsync("Högskolan i Reprisen");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == second), "the first deliveries");
        var original = receiver.Received.Where(r => r.Subject == first || r.Subject == second).ToList();

        var replayed = await _client.PostForJsonAsync($"/api/subscriptions/{id}/replay", new { after = original[0].Position - 1 });

        Assert.Equal(original[0].Position - 1, replayed.GetProperty("delivery").GetProperty("position").GetInt64());
        await receiver.WaitUntilAsync(received => received.Count(r => r.Subject == second) == 2, "the replayed deliveries");
        var again = receiver.Received.Skip(original.Count).Where(r => r.Subject == first || r.Subject == second).ToList();
        Assert.Equal(original.Select(r => r.Id), again.Select(r => r.Id));
        Assert.Equal(original.Select(r => r.Body), again.Select(r => r.Body));
    }

    [Fact]
    public async Task A_replay_since_a_time_delivers_the_events_written_from_then_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        var before = await fixture.CreateInstitutionAsync("Högskolan Före");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == before), "the first delivery");
        var since = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var after = await fixture.CreateInstitutionAsync("Högskolan Efter");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == after), "the second delivery");

        await _client.PostForJsonAsync($"/api/subscriptions/{id}/replay", new { since });

        await receiver.WaitUntilAsync(received => received.Count(r => r.Subject == after) == 2, "the replayed delivery");
        Assert.Single(receiver.Received, r => r.Subject == before);
    }

    [Fact]
    public async Task One_slow_subscription_does_not_delay_another()
    {
        await using var slow = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(200, Delay: TimeSpan.FromSeconds(60)));
        await using var quick = await WebhookReceiver.StartAsync();
        await _client.SubscribeAsync(slow, "samverkan.institution.*");
        await _client.SubscribeAsync(quick, "samverkan.institution.*");
        var first = await fixture.CreateInstitutionAsync("Högskolan i Kön");
        await slow.WaitUntilAsync(received => received.Any(r => r.Subject == first), "the slow endpoint to be called");
        var second = await fixture.CreateInstitutionAsync("Högskolan i Kön");

        await quick.WaitUntilAsync(received => received.Any(r => r.Subject == second), "the quick endpoint's delivery", TimeSpan.FromSeconds(5));

        Assert.DoesNotContain(slow.Received, r => r.Subject == second);
    }
}
