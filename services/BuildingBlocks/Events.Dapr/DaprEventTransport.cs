using System.Text;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Logging;
using Samverkan.Events.Transports;

namespace Samverkan.Events.Dapr;

/// <summary>
/// Production: publishes to the Dapr sidecar's pub/sub component. The event goes as our own
/// CloudEvent (content type application/cloudevents+json), so Dapr forwards it as it is instead
/// of wrapping it; the broker then fans out to every subscriber and handles dead letters.
/// </summary>
public sealed class DaprEventTransport(DaprClient dapr, string pubSubName, ILogger<DaprEventTransport> logger) : IEventTransport
{
    public IReadOnlyList<IEventDestination> DestinationsFor(string topic) => [new Destination(dapr, pubSubName, logger)];

    private sealed class Destination(DaprClient dapr, string pubSubName, ILogger logger) : IEventDestination
    {
        public string Name => $"dapr:{pubSubName}";

        public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(string topic, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken) =>
            await OneByOne.DeliverAsync(events, delivery => PublishAsync(topic, delivery.Event, delivery.Json, cancellationToken));

        private async Task<DeliveryResult> PublishAsync(string topic, CloudEvent cloudEvent, string json, CancellationToken cancellationToken)
        {
            try
            {
                await dapr.PublishByteEventAsync(pubSubName, topic, Encoding.UTF8.GetBytes(json), CloudEvent.MediaType,
                    new Dictionary<string, string> { ["partitionKey"] = cloudEvent.PartitionKey }, cancellationToken);
                return DeliveryResult.Delivered;
            }
            catch (DaprException e)
            {
                var reason = e.InnerException?.Message ?? e.Message;
                logger.LogWarning("Publishing {EventId} to {Topic} through Dapr failed: {Reason}", cloudEvent.Id, topic, reason);
                return DeliveryResult.Retry(reason);
            }
        }
    }
}
