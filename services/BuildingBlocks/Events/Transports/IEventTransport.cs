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

    /// <summary>
    /// Hands over events in their order, in as few requests as the destination allows, and answers
    /// one result per event, in the same order. A <see cref="DeliveryOutcome.Retry"/> says that
    /// event was not taken; the relay sends it and every later one again (the later ones may
    /// have been taken already: subscribers are idempotent).
    /// </summary>
    Task<IReadOnlyList<DeliveryResult>> DeliverAsync(string topic, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken);
}

/// <summary>One event as it goes on the wire: parsed, and its <see cref="Json"/> exactly as sent.</summary>
public sealed record OutgoingDelivery(CloudEvent Event, string Json)
{
    public static OutgoingDelivery From(string json) => new(CloudEvent.Parse(json), json);
}

public enum DeliveryOutcome
{
    Delivered,
    /// <summary>Not taken now (down, busy, failed): the relay retries with backoff and never skips it.</summary>
    Retry,
    /// <summary>
    /// Refused for good: Dapr's DROP, or a 4xx that no retry can change. The event goes to the
    /// dead letters, where an operator sees and re-drives it, and delivery goes on.
    /// </summary>
    Refused,
}

/// <summary>The outcome of one delivery attempt, with why it was not taken (for logs and dead letters; never the event's content).</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Reason = null)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);

    public static DeliveryResult Retry(string reason) => new(DeliveryOutcome.Retry, reason);

    /// <summary>A Retry because nothing listens at the destination (connection refused): trying again costs neither side anything.</summary>
    public static DeliveryResult NotReached(string reason) => new(DeliveryOutcome.Retry, reason) { Unreachable = true };

    /// <summary>True for <see cref="NotReached"/>: the relay tries again soon instead of backing off (<c>Events:Relay:UnreachableRetryDelay</c>).</summary>
    public bool Unreachable { get; init; }

    public static DeliveryResult Refused(string reason) => new(DeliveryOutcome.Refused, reason);
}
