using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.Subscriptions.Model;

/// <summary>
/// Creates a subscription. <see cref="StartAfter"/> is a feed position (number or decimal
/// string) or <c>"beginning"</c>; without it the subscription starts at the feed's current end.
/// <see cref="Owner"/> (a partner id) is for national staff subscribing on a partner's behalf;
/// <see cref="PersonalData"/> asks for contact events with the person in them (see SubscriptionAccess).
/// </summary>
public sealed record SubscriptionInput(
    string? Url, IReadOnlyList<string>? Types, string? Description, JsonElement? StartAfter, string? Owner = null, bool? PersonalData = null);

/// <summary>Changes a subscription: fields left out stay as they are; an empty description clears it.</summary>
public sealed record SubscriptionPatch(string? Url, IReadOnlyList<string>? Types, string? Description, bool? Enabled, bool? PersonalData = null);

/// <summary>How long the replaced secret keeps signing (hours, default 24, 0 ends it at once).</summary>
public sealed record RotateInput(double? OverlapHours);

/// <summary>Moves the cursor back: after a feed position, or to the first event written at or after a time.</summary>
public sealed record ReplayInput(JsonElement? After, DateTimeOffset? Since);

/// <summary>Where deliveries stand: the last position handed over, and the failing head event if any.</summary>
public sealed record DeliveryProgress(long Position, long? FailingPosition, int FailedAttempts, DateTimeOffset? FailingSince, DateTimeOffset? NextAttemptAt)
{
    public static DeliveryProgress From(DeliveryState? state) => state is null
        ? new(0, null, 0, null, null)
        : new(state.Position, state.HeadAttempts > 0 ? state.HeadPosition : null, state.HeadAttempts, state.FailingSince, state.NextAttemptAt);
}

/// <summary>
/// A subscription as the API shows it. <see cref="Secret"/> is present only in the answer to
/// the create and rotate calls: the one time the secret is shown.
/// </summary>
public sealed record SubscriptionResponse(
    string Id,
    string? Owner,
    string Url,
    IReadOnlyList<string> Types,
    string? Description,
    bool PersonalData,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt,
    DeliveryProgress Delivery,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static SubscriptionResponse From(WebhookSubscription subscription, long version, DeliveryState? state, DateTimeOffset now) => new(
        subscription.Id, subscription.Owner, subscription.Url, subscription.Types, subscription.Description, subscription.PersonalData, subscription.Enabled,
        subscription.DisabledReason, subscription.DisabledAt, subscription.CreatedAt,
        subscription.ActiveSecrets(now).Skip(1).Select(secret => secret.ExpiresAt).Max(),
        DeliveryProgress.From(state), version);
}

/// <summary>
/// A subscription as the audit trail records it: no secret (only when each was made and ends),
/// no delivery progress except the cursor a replay moved.
/// </summary>
public sealed record SubscriptionSnapshot(
    string Id,
    string? Owner,
    string Url,
    IReadOnlyList<string> Types,
    string? Description,
    bool PersonalData,
    bool Enabled,
    string? DisabledReason,
    IReadOnlyList<SecretDates> Secrets,
    long Version,
    long? DeliveryPosition = null)
{
    public static SubscriptionSnapshot Of(WebhookSubscription subscription, long version, long? deliveryPosition = null) => new(
        subscription.Id, subscription.Owner, subscription.Url, subscription.Types, subscription.Description, subscription.PersonalData,
        subscription.Enabled, subscription.DisabledReason,
        subscription.Secrets.Select(secret => new SecretDates(secret.CreatedAt, secret.ExpiresAt)).ToList(), version, deliveryPosition);
}

public sealed record SecretDates(DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

public sealed record DeliveryResponse(
    string Id, string EventId, string EventType, long? Position, DeliveryStatus Status, IReadOnlyList<DeliveryAttempt> Attempts);

/// <summary>What a ping got back from the endpoint.</summary>
public sealed record PingResponse(string EventId, bool Success, int? StatusCode, string? Error, long LatencyMs, DateTimeOffset At);
