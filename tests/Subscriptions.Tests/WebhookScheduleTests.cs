using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// The production retry rules on the service's own clock, which the test moves ahead: what takes
/// hours or days in production takes seconds here, and the delivery log's attempt times (read on
/// the same clock) show each wait was kept, not cut short.
/// </summary>
public class WebhookScheduleTests(ProductionScheduleFixture fixture) : IClassFixture<ProductionScheduleFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_receiver_that_always_fails_is_tried_on_the_standard_schedule_and_then_disabled()
    {
        var schedule = WebhookOptions.DefaultRetrySchedule;
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(500));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        await fixture.CreateInstitutionAsync("Högskolan som Aldrig Svarade");
        await receiver.WaitUntilAsync(received => received.Count >= 1, "the first attempt");

        for (var attempt = 1; attempt < schedule.Count; attempt++)
        {
            fixture.Clock.Advance(schedule[attempt]);
            await receiver.WaitUntilAsync(received => received.Count >= attempt + 1, $"attempt {attempt + 1}, {schedule[attempt]} after the one before");
        }

        var disabled = await Eventually.GetValueAsync(async () =>
            await _client.GetSubscriptionAsync(id) is var s && !s.GetProperty("enabled").GetBoolean() ? s : (JsonElement?)null, "the subscription to be disabled");
        Assert.Contains($"failed on all {schedule.Count} attempts", disabled.GetProperty("disabledReason").GetString());
        Assert.Equal(schedule.Count, receiver.Received.Count);
        var attempts = await AttemptTimesAsync(id, schedule.Count);
        Assert.Equal(schedule.Count, attempts.Count);
        for (var i = 1; i < attempts.Count; i++)
        {
            Assert.InRange(attempts[i] - attempts[i - 1], schedule[i], schedule[i] + TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task Retry_after_is_honoured_when_it_asks_for_a_later_time_than_the_schedule()
    {
        // The schedule's second attempt comes 5 s after the first; the endpoint asks for an hour.
        await using var receiver = await WebhookReceiver.StartAsync((_, count) => count == 0 ? new WebhookAnswer(503, RetryAfter: "3600") : new WebhookAnswer(200));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        await fixture.CreateInstitutionAsync("Högskolan som Bad om Tid");
        await receiver.WaitUntilAsync(received => received.Count >= 1, "the first attempt");

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await receiver.WaitUntilAsync(received => received.Count >= 2, "the attempt an hour later");

        Assert.Equal(receiver.Received[0].Id, receiver.Received[1].Id);
        var attempts = await AttemptTimesAsync(id, 2);
        Assert.InRange(attempts[1] - attempts[0], TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_subscription_whose_head_event_fails_for_longer_than_five_days_is_disabled_with_the_reason()
    {
        // Every answer asks for three days, so the schedule is not used up before the deadline.
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => new WebhookAnswer(503, RetryAfter: "259200"));
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        await fixture.CreateInstitutionAsync("Högskolan som Teg");
        await receiver.WaitUntilAsync(received => received.Count >= 1, "the first attempt");

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        await receiver.WaitUntilAsync(received => received.Count >= 2, "the attempt three days later");
        // The next one asked for would be on day 6; the last is tried at the 5-day deadline.
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        await receiver.WaitUntilAsync(received => received.Count >= 3, "the attempt at the deadline");

        var disabled = await Eventually.GetValueAsync(async () =>
            await _client.GetSubscriptionAsync(id) is var s && !s.GetProperty("enabled").GetBoolean() ? s : (JsonElement?)null, "the subscription to be disabled");
        Assert.Contains("longer than 5.00:00:00", disabled.GetProperty("disabledReason").GetString());
        var attempts = await AttemptTimesAsync(id, 3);
        Assert.Equal(3, attempts.Count);
        Assert.InRange(attempts[2] - attempts[0], TimeSpan.FromDays(5), TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// When each attempt on the subscription's one logged event was made, on the service's clock,
    /// once the log holds <paramref name="count"/> (an attempt is logged after its answer arrives).
    /// </summary>
    private async Task<List<DateTimeOffset>> AttemptTimesAsync(string subscriptionId, int count) =>
        await Eventually.GetAsync(async () =>
        {
            var entry = Assert.Single(await _client.GetAllAsync<JsonElement>($"/api/subscriptions/{subscriptionId}/deliveries"));
            var times = entry.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("at").GetDateTimeOffset()).ToList();
            return times.Count >= count ? times : null;
        }, $"{count} attempts in the delivery log");
}
