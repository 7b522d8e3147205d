using System.Diagnostics;
using System.Text.Json.Nodes;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>The Dapr publisher against a sidecar stand-in that speaks Dapr's own gRPC contract.</summary>
public sealed class DaprTransportTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void The_test_sidecar_serves_the_service_Dapr_clients_call()
    {
        Assert.Equal(TestSidecar.ServiceName, global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor.FullName);
        Assert.Contains(global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor.Methods, method => method.Name == "PublishEvent");
    }

    [Fact]
    public async Task The_relay_publishes_each_CloudEvent_to_the_pubsub_topic_with_its_partition_key_and_trace()
    {
        RelayTracing.Listen();
        await using var sidecar = await TestSidecar.App.StartAsync();
        await using var producer = DaprProducer(sidecar);
        ActivityTraceId writeTrace;
        using (var write = RelayTracing.StartWrite())
        {
            writeTrace = write.TraceId;
            await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        }
        var stored = (await producer.OutboxRecordsAsync()).ToDictionary(r => SequenceId.Parse(r.Id), r => JsonNode.Parse(r.Json)!);

        await producer.StartAsync();
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 2, "both events are published");

        var calls = sidecar.Log.Published.ToList();
        Assert.Equal(2, calls.Count);
        foreach (var (call, sequence) in calls.Zip([1L, 2L]))
        {
            var request = call.Request;
            Assert.Equal("pubsub", request.PubsubName);
            Assert.Equal(RelayHost.Topic, request.Topic);
            Assert.Equal(CloudEvent.MediaType, request.DataContentType);
            var expected = stored[sequence].AsObject();
            expected["sequence"] = CloudEventSequence.Format(sequence);
            var sent = JsonNode.Parse(request.Data.ToStringUtf8());
            Assert.True(JsonNode.DeepEquals(expected, sent), $"Published {sent}, stored {expected}");
            Assert.Equal((string?)expected["subject"], request.Metadata["partitionKey"]);
            Assert.True(ActivityContext.TryParse(call.TraceParent, null, out var trace), $"traceparent was '{call.TraceParent}'");
            Assert.Equal(writeTrace, trace.TraceId);
        }
    }

    [Fact]
    public async Task When_the_sidecar_is_unavailable_for_a_while_the_relay_retries_and_publishes_everything_in_order()
    {
        const int refusals = 5;
        await using var sidecar = await TestSidecar.App.StartAsync(failFirstCalls: refusals);
        await using var producer = DaprProducer(sidecar);
        await producer.StartAsync();

        for (var i = 1; i <= 4; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => sidecar.Log.Published.Count >= 4, "every event is published");

        Assert.Equal([1L, 2L, 3L, 4L], sidecar.Log.Published.Select(call => CloudEventSequence.Parse((string)JsonNode.Parse(call.Request.Data.ToStringUtf8())!["sequence"]!)));
        Assert.Equal(["f-1", "f-2", "f-3", "f-4"], sidecar.Log.Published.Select(call => call.Request.Metadata["partitionKey"]));
        Assert.Equal(4 + refusals, sidecar.Log.Calls);
    }

    private RelayHost DaprProducer(TestSidecar.App sidecar) => RelayHost.Build(_database.Path,
        RelayHost.Setting("Events:Transport", "Dapr"),
        // Read by AddDaprClient from configuration before the environment, so parallel tests do not share it.
        RelayHost.Setting("DAPR_GRPC_ENDPOINT", sidecar.Url.ToString()));
}
