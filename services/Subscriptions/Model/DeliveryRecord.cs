namespace Samverkan.Subscriptions.Model;

/// <summary>One try to hand an event to an endpoint: the HTTP status it answered, or why there was none.</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, long LatencyMs);

public enum DeliveryStatus { Retrying, Delivered, Failed, Superseded }

/// <summary>
/// The delivery log of one event to one subscription (a ping has no position). Attempts are
/// added until the event is delivered, the subscription is disabled on it (failed), or a replay
/// moves the cursor away from it (superseded). It never holds the event's data or any header.
/// </summary>
public sealed record DeliveryRecord(
    string SubscriptionId,
    string EventId,
    string EventType,
    long? Position,
    DeliveryStatus Status,
    IReadOnlyList<DeliveryAttempt> Attempts);
