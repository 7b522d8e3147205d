namespace Samverkan.Subscriptions.Model;

/// <summary>
/// A signing secret (<c>whsec_</c> + base64 of 24 random bytes). One replaced by rotation keeps
/// signing until <see cref="ExpiresAt"/>, so receivers can switch without losing deliveries.
/// </summary>
public sealed record SigningSecret(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    public bool IsActive(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    // Records print every property; a secret must never reach a log through ToString.
    public override string ToString() => $"SigningSecret {{ CreatedAt = {CreatedAt:O}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>
/// A partner's webhook endpoint: where to POST, which event types (exact or with a trailing
/// <c>*</c>; empty means all), and the secrets deliveries are signed with. Disabled ones keep
/// their place in the feed: re-enabling resumes at the event that was failing.
/// <see cref="Owner"/> is the partner id whose subscription it is (null: national staff's own);
/// only with <see cref="PersonalData"/> do contact events go out with the person in them.
/// Both default for subscriptions stored before they existed.
/// </summary>
public sealed record WebhookSubscription(
    string Id,
    string Url,
    IReadOnlyList<string> Types,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SigningSecret> Secrets,
    string? Owner = null,
    bool PersonalData = false)
{
    /// <summary>The lookup tag of a partner's subscriptions, so a partner's list reads only its own.</summary>
    public static string OwnerTag(string owner) => $"owner:{owner}";

    // A method, not a property: properties are stored.
    public IEnumerable<string> Tags() => Owner is null ? [] : [OwnerTag(Owner)];

    /// <summary>The secrets that sign now, newest first.</summary>
    public IReadOnlyList<SigningSecret> ActiveSecrets(DateTimeOffset now) =>
        Secrets.Where(secret => secret.IsActive(now)).OrderByDescending(secret => secret.CreatedAt).ToList();

    public WebhookSubscription Disable(string reason, DateTimeOffset at) => this with { Enabled = false, DisabledReason = reason, DisabledAt = at };
}
