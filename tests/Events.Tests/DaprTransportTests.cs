using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapr.Client.Autogen.Grpc.v1;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>The Dapr publisher's bulk publish against a sidecar stand-in that speaks Dapr's own gRPC contract.</summary>
public sealed class DaprTransportTests : IDisposable
{
    private const string DaprApiToken = "dapr-api-token-for-tests";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void The_test_sidecar_serves_the_bulk_publish_methods_Dapr_clients_call()
    {
        var service = global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor;
        Assert.Equal(TestSidecar.ServiceName, service.FullName);
        foreach (var name in new[] { TestSidecar.Stable, TestSidecar.Alpha1 })
        {
            var method = service.FindMethodByName(name);
            Assert.NotNull(method);
            Assert.Equal(BulkPublishRequest.Descriptor, method.InputType);
            Assert.Equal(BulkPublishResponse.Descriptor, method.OutputType);
        }
    }

    [Fact]
    public async Task A_delivery_batch_goes_in_one_bulk_call_of_CloudEvents_with_partition_keys_trace_and_the_Dapr_API_token()
    {
        RelayTracing.Listen();
        await using var sidecar = await TestSidecar.App.StartAsync();
        await using var producer = DaprProducer(sidecar.Url);
        ActivityTraceId writeTrace;
        using (var write = RelayTracing.StartWrite())
        {
            writeTrace = write.TraceId;
            await producer.Outbox.CommitAsync([], [.. Enumerable.Range(1, 5).Select(i => SampleForum.Updated($"f-{i}"))]);
        }
        var stored = (await producer.OutboxRecordsAsync()).ToDictionary(r => SequenceId.Parse(r.Id), r => JsonNode.Parse(r.Json)!);

        await producer.StartAsync();
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 5, "every event is published");

        var call = Assert.Single(sidecar.Log.BulkCalls);
        Assert.Equal(TestSidecar.Stable, call.Method);
        Assert.Equal("pubsub", call.Request.PubsubName);
        Assert.Equal(RelayHost.Topic, call.Request.Topic);
        Assert.Equal(DaprApiToken, call.ApiToken);
        Assert.True(ActivityContext.TryParse(call.TraceParent, null, out var trace), $"traceparent was '{call.TraceParent}'");
        Assert.Equal(writeTrace, trace.TraceId);
        Assert.Equal(5, call.Request.Entries.Count);
        Assert.Equal(5, call.Request.Entries.Select(entry => entry.EntryId).Distinct().Count());
        foreach (var (entry, sequence) in call.Request.Entries.Zip([1L, 2L, 3L, 4L, 5L]))
        {
            Assert.Equal(CloudEvent.MediaType, entry.ContentType);
            var expected = stored[sequence].AsObject();
            expected["sequence"] = CloudEventSequence.Format(sequence);
            var sent = JsonNode.Parse(entry.Event.ToStringUtf8());
            Assert.True(JsonNode.DeepEquals(expected, sent), $"Published {sent}, stored {expected}");
            Assert.Equal((string?)expected["subject"], entry.Metadata["partitionKey"]);
        }
    }

    [Fact]
    public async Task Two_events_of_one_entity_never_share_a_bulk_since_Dapr_keeps_no_order_inside_one()
    {
        await using var sidecar = await TestSidecar.App.StartAsync();
        await using var producer = DaprProducer(sidecar.Url);
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2"), SampleForum.Updated("f-1", "Renamed"), SampleForum.Updated("f-3")]);

        await producer.StartAsync();
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 4, "every event is published");

        Assert.Equal([[1L, 2L], [3L, 4L]], sidecar.Log.BulkCalls.Select(call => call.Request.Entries.Select(Sequence).ToArray()));
    }

    [Fact]
    public async Task Failed_entries_go_again_from_the_first_failed_one_on_and_each_entity_keeps_its_order()
    {
        // The first call fails its second entry (f-2); Dapr publishes the others of that call all the same.
        await using var sidecar = await TestSidecar.App.StartAsync(failEntries: (call, _) => call == 1 ? [1] : []);
        await using var producer = DaprProducer(sidecar.Url);
        await producer.Outbox.CommitAsync([], [.. new[] { "f-1", "f-2", "f-3", "f-1", "f-2", "f-3" }.Select(id => SampleForum.Updated(id))]);

        await producer.StartAsync();
        await Eventually.TrueAsync(() => sidecar.Log.Published.Select(Sequence).Distinct().Count() >= 6, "every event is published");

        Assert.Equal([[1L, 2L, 3L], [2L, 3L, 4L], [5L, 6L]], sidecar.Log.BulkCalls.Select(call => call.Request.Entries.Select(Sequence).ToArray()));
        // After deduplication (first arrival counts), each entity's events arrived in outbox order.
        var firstArrivals = sidecar.Log.Published.DistinctBy(Sequence).ToList();
        foreach (var entity in firstArrivals.GroupBy(entry => entry.Metadata["partitionKey"]))
        {
            Assert.Equal(entity.Select(Sequence).Order(), entity.Select(Sequence));
        }
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], firstArrivals.Select(Sequence).Order());
    }

    [Fact]
    public async Task A_sidecar_from_before_the_stable_method_gets_BulkPublishEventAlpha1()
    {
        await using var sidecar = await TestSidecar.App.StartAsync(alpha1Only: true);
        await using var producer = DaprProducer(sidecar.Url);
        await producer.StartAsync();

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 2, "both events are published");
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-3")]);
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 3, "the third is published");

        Assert.Equal([1L, 2L, 3L], sidecar.Log.Published.Select(Sequence));
        Assert.All(sidecar.Log.BulkCalls, call => Assert.Equal(TestSidecar.Alpha1, call.Method));
        // Unimplemented once, then remembered: the later call goes straight to the old name.
        Assert.Equal(1, sidecar.Log.Unimplemented);
        Assert.True(sidecar.Log.BulkCalls.Count >= 2, $"{sidecar.Log.BulkCalls.Count} calls");
    }

    [Fact]
    public async Task When_the_sidecar_refuses_calls_for_a_while_the_relay_retries_and_publishes_everything_in_order()
    {
        const int refusals = 5;
        await using var sidecar = await TestSidecar.App.StartAsync(failFirstCalls: refusals);
        await using var producer = DaprProducer(sidecar.Url);
        await producer.StartAsync();

        for (var i = 1; i <= 4; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 4, "every event is published");

        Assert.Equal([1L, 2L, 3L, 4L], sidecar.Log.Published.Select(Sequence));
        Assert.Equal(["f-1", "f-2", "f-3", "f-4"], sidecar.Log.Published.Select(entry => entry.Metadata["partitionKey"]));
        Assert.Equal(sidecar.Log.BulkCalls.Count + refusals, sidecar.Log.Calls);
    }

    [Fact]
    public async Task When_no_sidecar_listens_the_relay_keeps_trying_and_publishes_everything_once_one_starts()
    {
        var address = Loopback.UnusedUrl();
        await using var producer = DaprProducer(address);
        await producer.StartAsync();
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        var destination = producer.Services.GetRequiredService<RelayState>().For("dapr:pubsub");
        await Eventually.TrueAsync(() => destination.FailedAttempts >= 2, "the relay keeps trying the sidecar that is not there");
        Assert.Equal(0, destination.Delivered);

        await using var sidecar = await TestSidecar.App.StartAsync(port: address.Port);
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 2, "both events are published once the sidecar is up");

        Assert.Equal([1L, 2L], sidecar.Log.Published.Select(Sequence));
    }

    private static long Sequence(BulkPublishRequestEntry entry) =>
        CloudEventSequence.Parse((string)JsonNode.Parse(entry.Event.ToStringUtf8())!["sequence"]!);

    private RelayHost DaprProducer(Uri sidecar) => RelayHost.Build(_database.Path,
        RelayHost.Setting("Events:Transport", "Dapr"),
        // Read from configuration before the environment (as Dapr.Client does), so parallel tests do not share them.
        RelayHost.Setting("DAPR_GRPC_ENDPOINT", sidecar.ToString()),
        RelayHost.Setting("DAPR_API_TOKEN", DaprApiToken));
}
