using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>Dapr's bulk subscribe between the relay and a subscriber route: many events per request, answered per entry.</summary>
public sealed class BulkDeliveryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_route_asks_for_bulk_subscribe_as_Dapr_reads_it_from_dapr_subscribe()
    {
        await using var subscriber = await BulkSubscriberApp.StartAsync();
        using var http = new HttpClient { BaseAddress = subscriber.Url };

        var subscriptions = await http.GetFromJsonAsync<JsonElement>("/dapr/subscribe");

        var route = subscriptions.EnumerateArray().Single();
        Assert.Equal(RelayHost.Topic, route.GetProperty("topic").GetString());
        var bulk = route.GetProperty("bulkSubscribe");
        Assert.True(bulk.GetProperty("enabled").GetBoolean());
        Assert.Equal(100, bulk.GetProperty("maxMessagesCount").GetInt32());
    }

    [Fact]
    public async Task A_backlog_goes_in_bulks_of_at_most_the_batch_size_in_order_exactly_as_the_outbox_holds_it()
    {
        await using var subscriber = await BulkSubscriberApp.StartAsync();
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("bulk-reader", subscriber.Url),
            RelayHost.Setting("Events:Relay:BatchSize", "100"));
        for (var i = 1; i <= 250; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        var stored = (await producer.OutboxRecordsAsync()).ToDictionary(r => SequenceId.Parse(r.Id), r => JsonNode.Parse(r.Json)!.AsObject());

        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Taken.Count >= 250, "all 250 events are taken");

        var taken = subscriber.Taken;
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), taken.Select(e => long.Parse(e.Sequence!)));
        foreach (var cloudEvent in taken)
        {
            var expected = stored[long.Parse(cloudEvent.Sequence!)];
            Assert.Equal((expected["id"]!.GetValue<string>(), expected["type"]!.GetValue<string>(), expected["subject"]!.GetValue<string>()), (cloudEvent.Id, cloudEvent.Type, cloudEvent.Subject));
            Assert.Equal(expected["time"]!.GetValue<DateTimeOffset>(), cloudEvent.Time);
            Assert.True(JsonNode.DeepEquals(expected["data"], JsonNode.Parse(cloudEvent.Data.GetRawText())), $"Took {cloudEvent.Data}, stored {expected["data"]}");
        }
        var requests = subscriber.Requests;
        Assert.All(requests, request => Assert.StartsWith(CloudEvent.BatchMediaType, request.ContentType));
        Assert.Equal(3, requests.Count);
    }

    [Fact]
    public async Task After_a_failure_inside_a_bulk_the_events_before_it_are_not_sent_again_and_the_rest_follow_in_order()
    {
        await using var subscriber = await BulkSubscriberApp.StartAsync(fails: (cloudEvent, attempt) => cloudEvent.Subject == "f-3" && attempt <= 2);
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("flaky-bulk", subscriber.Url));
        for (var i = 1; i <= 6; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }

        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Taken.Count >= 6, "all six events are taken");

        Assert.Equal(["f-1", "f-2", "f-3", "f-4", "f-5", "f-6"], subscriber.Taken.Select(e => e.Subject));
        Assert.Equal(3, subscriber.Requests.Count);
    }
}
