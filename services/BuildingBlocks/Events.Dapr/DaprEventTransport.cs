using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Samverkan.Events.Transports;
using Runtime = Dapr.Client.Autogen.Grpc.v1;

namespace Samverkan.Events.Dapr;

/// <summary>
/// Production: publishes to the Dapr sidecar's pub/sub component with Dapr's bulk publish
/// (<see cref="DaprSidecar.BulkPublishAsync"/>), a delivery batch in one call. Each entry is our own CloudEvent
/// (content type application/cloudevents+json), so Dapr forwards it as it is instead of wrapping
/// it, with its entity id as <c>partitionKey</c>; the broker then fans out to every subscriber and
/// handles dead letters.
/// </summary>
/// <remarks>
/// Dapr does not promise any order among the entries of one bulk (a component without a bulk
/// API of its own publishes them in parallel). So a call never holds two events of the same
/// entity: a batch is cut before a partition key repeats, and the calls go one after another.
/// The order a broker keeps per partition key is then the outbox order, as with one event per call.
/// </remarks>
public sealed class DaprEventTransport(DaprSidecar sidecar, string pubSubName, ILogger<DaprEventTransport> logger) : IEventTransport
{
    public IReadOnlyList<IEventDestination> DestinationsFor(string topic) => [new Destination(sidecar, pubSubName, logger)];

    /// <summary>Consecutive runs of events whose partition keys are all different, in order.</summary>
    public static IEnumerable<IReadOnlyList<OutgoingDelivery>> DistinctKeyRuns(IReadOnlyList<OutgoingDelivery> events)
    {
        var run = new List<OutgoingDelivery>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in events)
        {
            if (!keys.Add(delivery.Event.PartitionKey))
            {
                yield return run;
                run = [];
                keys.Clear();
                keys.Add(delivery.Event.PartitionKey);
            }
            run.Add(delivery);
        }
        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private sealed class Destination(DaprSidecar sidecar, string pubSubName, ILogger logger) : IEventDestination
    {
        public string Name => $"dapr:{pubSubName}";

        public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(string topic, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken)
        {
            var results = new List<DeliveryResult>(events.Count);
            foreach (var run in DistinctKeyRuns(events))
            {
                if (results.Count > 0 && results[^1].Outcome == DeliveryOutcome.Retry)
                {
                    // An earlier event was not taken: the later ones wait for it, unsent.
                    results.AddRange(run.Select(_ => results[^1]));
                    continue;
                }
                results.AddRange(await PublishAsync(topic, run, cancellationToken));
            }
            return results;
        }

        private async Task<DeliveryResult[]> PublishAsync(string topic, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken)
        {
            var request = new Runtime.BulkPublishRequest { PubsubName = pubSubName, Topic = topic };
            for (var i = 0; i < events.Count; i++)
            {
                request.Entries.Add(new Runtime.BulkPublishRequestEntry
                {
                    EntryId = EntryId(i),
                    Event = ByteString.CopyFromUtf8(events[i].Json),
                    ContentType = CloudEvent.MediaType,
                    Metadata = { ["partitionKey"] = events[i].Event.PartitionKey },
                });
            }
            try
            {
                var response = await sidecar.BulkPublishAsync(request, cancellationToken);
                var results = BulkPublishResults.From(events.Count, response, EntryId);
                var firstNotTaken = Array.FindIndex(results, r => r.Outcome == DeliveryOutcome.Retry);
                if (firstNotTaken >= 0)
                {
                    logger.LogWarning("The sidecar did not publish {Failed} of {Count} events to {Topic}; from {EventId} on they go again: {Reason}",
                        response.FailedEntries.Count, events.Count, topic, events[firstNotTaken].Event.Id, results[firstNotTaken].Reason);
                }
                return results;
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Publishing {Count} events from {EventId} to {Topic} through Dapr failed: {Reason}",
                    events.Count, events[0].Event.Id, topic, e.Status.Detail);
                var retry = DeliveryResult.Retry($"{e.StatusCode}: {e.Status.Detail}");
                return [.. events.Select(_ => retry)];
            }
        }

        /// <summary>An entry's id is its index in the request, so an answer's failed entries map back to events.</summary>
        private static string EntryId(int index) => index.ToString(CultureInfo.InvariantCulture);
    }
}
