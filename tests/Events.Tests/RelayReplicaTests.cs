using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage.Leases;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>
/// Two replicas of a producer on one SQLite file, as on one machine: both write to the outbox,
/// one relays it (the holder of the lease), and when it stops the other carries on from the
/// stored cursor. What the subscriber takes is every event once (after removing redeliveries), in order.
/// </summary>
public sealed class RelayReplicaTests : IDisposable
{
    private static readonly KeyValuePair<string, string?>[] FastLease =
    [
        RelayHost.Setting("Storage:Lease:Duration", "00:00:01.200"),
        RelayHost.Setting("Storage:Lease:RenewInterval", "00:00:00.200"),
        RelayHost.Setting("Storage:Lease:SafetyMargin", "00:00:00.400"),
    ];

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_replicas_on_one_outbox_relay_each_event_once_in_order_and_the_survivor_takes_over()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync();
        KeyValuePair<string, string?>[] settings = [RelayHost.Subscriber("reader", subscriber.Url), .. FastLease];
        var first = await RelayHost.StartAsync(_database.Path, settings);
        await using var second = await RelayHost.StartAsync(_database.Path, settings);
        var replicas = new[] { first, second };

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => replicas[i % 2].Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")])));
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 20, "every event written on either replica is delivered");

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), subscriber.Accepted.Select(d => d.Sequence));
        var holders = replicas.Where(replica => StateOf(replica).Holding is not null).ToList();
        var holder = Assert.Single(holders);
        var survivor = replicas.Single(replica => replica != holder);

        var stopped = Stopwatch.GetTimestamp();
        await holder.DisposeAsync();
        await Eventually.TrueAsync(() => StateOf(survivor).Holding is not null, "the survivor takes the lease");
        var takeOver = Stopwatch.GetElapsedTime(stopped);
        for (var i = 21; i <= 30; i++)
        {
            await survivor.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => subscriber.Accepted.Select(d => d.Event.Id).Distinct().Count() >= 30, "the survivor delivers the rest");

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), subscriber.Accepted.DistinctBy(d => d.Event.Id).Select(d => d.Sequence));
        Assert.Equal(2, StateOf(survivor).Holding!.Epoch);
        // A replica that stops releases its lease: the survivor needs only its next try, not the lease's expiry.
        Assert.True(takeOver < TimeSpan.FromSeconds(1.2), $"Taken over after {takeOver}.");
        if (holder != first)
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_replica_that_does_not_hold_the_lease_delivers_nothing()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync();
        KeyValuePair<string, string?>[] settings = [RelayHost.Subscriber("reader", subscriber.Url), .. FastLease];
        await using var first = await RelayHost.StartAsync(_database.Path, settings);
        await Eventually.TrueAsync(() => StateOf(first).Holding is not null, "the first replica takes the lease");
        await using var second = await RelayHost.StartAsync(_database.Path, settings);

        await second.Outbox.CommitAsync([], [SampleForum.Updated("f-1")]);
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 1, "the event is delivered");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Single(subscriber.Accepted);
        Assert.Null(StateOf(second).Holding);
        Assert.Empty(StateOf(second).Destinations);
        var lease = await ((ILeaseStore)first.Store).CurrentAsync(RelayRegistration.LeaseName(RelayHost.Topic));
        Assert.Equal(StateOf(first).Holding, lease);
    }

    private static RelayState StateOf(RelayHost host) => host.Services.GetRequiredService<RelayState>();
}
