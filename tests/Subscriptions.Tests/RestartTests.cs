using System.Collections.Concurrent;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

public class RestartTests(RestartFixture fixture) : IClassFixture<RestartFixture>
{
    private const int Writes = 40;

    [Fact]
    public async Task Killing_subscriptions_and_a_producer_during_concurrent_writes_loses_and_repeats_no_change()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await fixture.Client.SubscribeAsync(receiver, "samverkan.institution.*");
        var start = await fixture.Client.FeedEndAsync();
        var acknowledged = new ConcurrentBag<string>();

        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < Writes / 4; i++)
            {
                acknowledged.Add(await CreateRetryingAsync($"Högskolan i Omstarten {writer}-{i}"));
            }
        })).ToList();
        await Eventually.TrueAsync(() => acknowledged.Count >= Writes / 4, "the first writes");
        fixture.Platform.Kill("subscriptions");
        await Task.Delay(500);
        await fixture.Platform.RestartAsync("subscriptions");
        await Eventually.TrueAsync(() => acknowledged.Count >= Writes / 2, "more writes");
        fixture.Platform.Kill("institutions");
        await Task.Delay(500);
        await fixture.Platform.RestartAsync("institutions");
        await Task.WhenAll(writers);

        // Every acknowledged write is in the feed once, and the feed has no gap and no repeat.
        var feed = await Eventually.GetAsync(async () =>
        {
            var events = await fixture.Client.ReadChangesAsync();
            return acknowledged.All(id => events.Any(e => e.GetProperty("subject").GetString() == id)) ? events : null;
        }, "every acknowledged write in the feed");
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(p => (long)p), feed.Select(e => e.GetProperty("position").GetInt64()));
        foreach (var source in feed.GroupBy(e => e.GetProperty("source").GetString()))
        {
            Assert.Equal(Enumerable.Range(1, source.Count()).Select(s => Samverkan.Events.CloudEventSequence.Format(s)), source.Select(e => e.GetProperty("sequence").GetString()));
        }
        Assert.All(acknowledged, id => Assert.Single(feed, e => e.GetProperty("subject").GetString() == id));

        // The webhook receiver, deduplicating by webhook-id, got the same events in the same order.
        var expected = feed.Where(e => e.GetProperty("position").GetInt64() > start && e.GetProperty("type").GetString()!.StartsWith("samverkan.institution."))
            .Select(e => e.GetProperty("id").GetString()).ToList();
        await receiver.WaitUntilAsync(received => received.Select(r => r.Id).Distinct().Count() >= expected.Count, "every event at the receiver");
        Assert.Equal(expected, receiver.Accepted.Select(r => r.Id).Distinct());
    }

    /// <summary>A write while its service is down is retried; one whose answer was lost may have landed, and then shows as its own change.</summary>
    private async Task<string> CreateRetryingAsync(string name)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await fixture.CreateInstitutionAsync(name);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }
}
