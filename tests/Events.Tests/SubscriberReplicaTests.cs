using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>
/// A subscriber app running as several replicas is listed with each one's address
/// (<c>Events:Subscribers:{app}</c>, separated by spaces): when the one in use does not answer,
/// delivery moves to the next, keeping the app's one cursor and its order.
/// </summary>
public sealed class SubscriberReplicaTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Events_for_an_app_whose_first_replica_is_down_reach_its_other_replica_in_order()
    {
        await using var up = await TestSubscriberApp.StartAsync();
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Setting("Events:Subscribers:reader", $"{Loopback.UnusedUrl()} {up.Url}"));

        for (var i = 1; i <= 5; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => up.Accepted.Count >= 5, "the replica that is up has every event");

        Assert.Equal([1, 2, 3, 4, 5], up.Accepted.Select(d => d.Sequence));
    }
}
