namespace Samverkan.Events.Transports;

/// <summary>
/// The publishing port. A transport names the destinations a topic's events go to; the relay
/// keeps one cursor per destination, so a destination that is down delays only itself.
/// </summary>
public interface IEventTransport
{
    IReadOnlyList<IEventDestination> DestinationsFor(string topic);
}

public interface IEventDestination
{
    /// <summary>Stable across restarts: the relay stores its cursor under this name.</summary>
    string Name { get; }

    /// <summary>Hands over one event; <paramref name="json"/> is the event exactly as it goes on the wire.</summary>
    Task<DeliveryOutcome> DeliverAsync(string topic, CloudEvent cloudEvent, string json, CancellationToken cancellationToken);
}

public enum DeliveryOutcome
{
    Delivered,
    /// <summary>Not taken now (down, busy, failed): the relay retries with backoff and never skips it.</summary>
    Retry,
    /// <summary>The subscriber refused it for good (Dapr's DROP): it goes to the dead letters.</summary>
    Dropped,
}
