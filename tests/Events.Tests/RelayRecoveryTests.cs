using Microsoft.Extensions.DependencyInjection;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

public sealed class RelayRecoveryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_subscriber_that_is_down_does_not_delay_another()
    {
        await using var up = await TestSubscriberApp.StartAsync();
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber("down", Loopback.UnusedUrl()), RelayHost.Subscriber("up", up.Url));

        for (var i = 1; i <= 5; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => up.Accepted.Count >= 5, "the subscriber that is up has every event");

        Assert.Equal([1, 2, 3, 4, 5], up.Accepted.Select(d => d.Sequence));
        var down = producer.Services.GetRequiredService<RelayState>().For("http:down");
        Assert.Equal(0, down.Delivered);
        await Eventually.TrueAsync(() => down.FailedAttempts > 0, "the relay keeps trying the subscriber that is down");
    }

    [Fact]
    public async Task A_subscriber_nobody_listened_at_gets_its_events_within_a_second_of_starting_not_after_the_backoff()
    {
        var address = Loopback.UnusedUrl();
        // A backoff that would wait 8 s and more by the fourth attempt, had the subscriber answered and failed.
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("late", address),
            RelayHost.Setting("Events:Relay:FirstRetryDelay", "00:00:01"), RelayHost.Setting("Events:Relay:MaxRetryDelay", "00:00:30"),
            RelayHost.Setting("Events:Relay:UnreachableRetryDelay", "00:00:00.200"));
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        var late = producer.Services.GetRequiredService<RelayState>().For("http:late");
        await Eventually.TrueAsync(() => late.FailedAttempts >= 6, "the relay tries the subscriber that is not there, again and again");

        await using var subscriber = await TestSubscriberApp.StartAsync(port: address.Port);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 2, "both events once the subscriber listens");

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"The events came {started.Elapsed} after the subscriber started.");
        Assert.Equal([1, 2], subscriber.Accepted.Select(d => d.Sequence));
    }

    [Fact]
    public async Task After_a_restart_delivery_resumes_from_the_stored_cursor()
    {
        const int batchSize = 3;
        // After two batches the subscriber holds its answer until the first host has stopped, so
        // that host stops in the middle whatever the machine's load.
        using var held = new ManualResetEventSlim();
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (_, attempt) =>
        {
            if (attempt > 2 * batchSize)
            {
                held.Wait(TimeSpan.FromSeconds(30));
            }
            return SubscriberExtensions.Success();
        });
        // A second subscriber that stays down keeps everything in the outbox: only the cursor says where to resume.
        var settings = new[]
        {
            RelayHost.Subscriber("reader", subscriber.Url), RelayHost.Subscriber("down", Loopback.UnusedUrl()),
            RelayHost.Setting("Events:Relay:BatchSize", $"{batchSize}"),
        };

        await using (var first = await RelayHost.StartAsync(_database.Path, settings))
        {
            await first.Outbox.CommitAsync([], [.. Enumerable.Range(1, 12).Select(i => SampleForum.Updated($"f-{i}"))]);
            await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 2 * batchSize, "two batches are delivered");
        }
        var beforeRestart = subscriber.Accepted.Count;
        held.Set();
        Assert.True(beforeRestart < 12, "The first host stopped before it delivered everything.");

        await using var second = await RelayHost.StartAsync(_database.Path, settings);
        for (var i = 13; i <= 15; i++)
        {
            await second.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => subscriber.Accepted.DistinctBy(d => d.Event.Id).Count() >= 15, "every event arrives");

        var received = subscriber.Accepted;
        Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), received.DistinctBy(d => d.Event.Id).Select(d => d.Sequence));
        Assert.InRange(received.Count - 15, 0, batchSize);
    }
}
