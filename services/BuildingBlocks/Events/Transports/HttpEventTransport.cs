using Microsoft.Extensions.Logging;

namespace Samverkan.Events.Transports;

/// <summary>
/// The embedded default, for a machine without the Dapr sidecar: POSTs the same CloudEvent to
/// each subscriber app's topic route, found the way the sidecar finds it, through the app's
/// <c>/dapr/subscribe</c>. Subscribers use Dapr's programming model unchanged. An app that runs
/// as several replicas is given each one's address: its events go to one of them, and to the next
/// when that one does not answer, as the sidecar would deliver to any replica of the app.
/// </summary>
public sealed class HttpEventTransport(
    IReadOnlyDictionary<string, IReadOnlyList<Uri>> subscribers, string pubSubName, IHttpClientFactory clients, ILoggerFactory loggers) : IEventTransport
{
    public const string ClientName = "events";

    public IReadOnlyList<IEventDestination> DestinationsFor(string topic) =>
        subscribers.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (IEventDestination)new HttpSubscriberDestination(s.Key, s.Value, pubSubName, clients, loggers.CreateLogger<HttpSubscriberDestination>()))
            .ToList();
}
