namespace Samverkan.Subscriptions.Model;

/// <summary>
/// Where a subscription's deliveries stand, apart from the subscription itself so that
/// deliveries do not change the subscription's version (its ETag). <see cref="Position"/> is
/// the feed position handed over last (or passed as not matching the types); the head is the
/// next matching event while it fails, with the attempts made on it.
/// </summary>
public sealed record DeliveryState(
    string SubscriptionId,
    long Position,
    long? HeadPosition,
    int HeadAttempts,
    DateTimeOffset? FailingSince,
    DateTimeOffset? NextAttemptAt,
    string? HeadLogId)
{
    public static DeliveryState StartingAfter(string subscriptionId, long position) => new(subscriptionId, position, null, 0, null, null, null);

    /// <summary>Forgets the failures on the head (re-enabled, or moved by a replay); its log entry goes on.</summary>
    public DeliveryState WithFreshHead() => this with { HeadAttempts = 0, FailingSince = null, NextAttemptAt = null };

    public DeliveryState Delivered(long position) => new(SubscriptionId, position, null, 0, null, null, null);
}
