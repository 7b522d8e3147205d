using System.Net;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>Retrying, giving up and resuming, with the fixture's schedule of 16 attempts a quarter second apart.</summary>
[Collection(WebhookCollection.Name)]
public class WebhookRetryTests(WebhookFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_receiver_that_fails_for_a_while_gets_every_event_in_order_once_it_recovers()
    {
        // Down for the first 6 attempts (about 1.5 s with the fixture's schedule), whatever the machine's speed.
        await using var receiver = await WebhookReceiver.StartAsync((_, count) => new WebhookAnswer(count < 6 ? 500 : 200));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");

        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await fixture.CreateInstitutionAsync("Högskolan i Motgången"));
        }
        await receiver.WaitUntilAsync(received => created.All(c => received.Any(r => r.Accepted && r.Subject == c)), "every event after the recovery");

        var accepted = receiver.Accepted.Where(r => created.Contains(r.Subject)).ToList();
        Assert.Equal(created, accepted.Select(r => r.Subject));
        Assert.Equal(accepted.Select(r => r.Position).Order(), accepted.Select(r => r.Position));
        Assert.Contains(receiver.Received, r => r.Answered == 500);
        // In order: nothing after an event was sent before that event was taken.
        var firstAccepted = receiver.Received.ToList().FindIndex(r => r.Accepted);
        Assert.All(receiver.Received.Take(firstAccepted), r => Assert.Equal(receiver.Received[0].Id, r.Id));

        var log = await _client.GetAllAsync<JsonElement>($"/api/subscriptions/{id}/deliveries");
        var head = log.First(entry => entry.GetProperty("eventId").GetString() == receiver.Received[0].Id);
        Assert.Equal("delivered", head.GetProperty("status").GetString());
        var attempts = head.GetProperty("attempts").EnumerateArray().ToList();
        Assert.True(attempts.Count > 1);
        Assert.All(attempts[..^1], attempt => Assert.Equal(500, attempt.GetProperty("statusCode").GetInt32()));
        Assert.Equal(200, attempts[^1].GetProperty("statusCode").GetInt32());
        Assert.All(attempts, attempt => Assert.True(attempt.GetProperty("latencyMs").GetInt64() >= 0));
    }

    [Fact]
    public async Task A_410_gone_disables_the_subscription_at_once_and_records_why()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(410));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");

        var gone = await fixture.CreateInstitutionAsync("Högskolan som Försvann");

        var disabled = await Eventually.GetValueAsync(async () =>
            await _client.GetSubscriptionAsync(id) is var s && !s.GetProperty("enabled").GetBoolean() ? s : (JsonElement?)null, "the subscription to be disabled");
        Assert.Contains("410", disabled.GetProperty("disabledReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, disabled.GetProperty("disabledAt").ValueKind);

        // Barrier: re-enabled, the subscription's one worker resumes with the refused event and
        // then delivers one written afterwards; once that has arrived, no attempt of the refused
        // event can follow, so its attempts are exactly the 410 and the one after re-enabling.
        receiver.Answer = (_, _) => new WebhookAnswer(200);
        using var read = await _client.GetAsync($"/api/subscriptions/{id}");
        using var enabled = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{id}", new { enabled = true }, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var marker = await fixture.CreateInstitutionAsync("Högskolan efter Återkomsten");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == marker), "the event written after re-enabling");
        Assert.Equal([410, 200], receiver.Received.Where(r => r.Subject == gone).Select(r => r.Answered));
    }

    [Fact]
    public async Task Re_enabling_a_disabled_subscription_resumes_with_the_event_that_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(410));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        var institution = await fixture.CreateInstitutionAsync("Högskolan som Återvände");
        await Eventually.TrueAsync(async () => !(await _client.GetSubscriptionAsync(id)).GetProperty("enabled").GetBoolean(), "the subscription to be disabled");
        receiver.Answer = (_, _) => new WebhookAnswer(200);
        using var read = await _client.GetAsync($"/api/subscriptions/{id}");

        using var enabled = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{id}", new { enabled = true }, read.Headers.ETag!.Tag);

        var body = await enabled.ReadJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("disabledReason").ValueKind);
        await receiver.WaitUntilAsync(received => received.Any(r => r.Accepted), "the failed event to come again");
        Assert.Equal(receiver.Received[0].Id, receiver.Accepted[0].Id);
        Assert.Equal(institution, receiver.Accepted[0].Subject);
    }

    [Fact]
    public async Task A_head_event_that_fails_through_the_whole_schedule_disables_the_subscription_with_the_reason()
    {
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(500));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");

        await fixture.CreateInstitutionAsync("Högskolan som Aldrig Svarade");

        var disabled = await Eventually.GetValueAsync(async () =>
            await _client.GetSubscriptionAsync(id) is var s && !s.GetProperty("enabled").GetBoolean() ? s : (JsonElement?)null, "the subscription to be disabled");
        Assert.Contains("HTTP 500", disabled.GetProperty("disabledReason").GetString());
        Assert.Equal(WebhookFixture.Attempts, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        var entry = Assert.Single(await _client.GetAllAsync<JsonElement>($"/api/subscriptions/{id}/deliveries"));
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.Equal(WebhookFixture.Attempts, entry.GetProperty("attempts").GetArrayLength());
    }
}
