using System.Text.Json.Serialization;

namespace Samverkan.Subscriptions.Model;

/// <summary>
/// A partner system's API key as stored: the id (the middle part of the key), whose it is, and
/// the SHA-256 of its secret; never the key itself. A revoked key is kept, with when, so the
/// list still tells which keys a partner had.
/// </summary>
public sealed record ApiKey(
    string Id,
    string Partner,
    string? Description,
    bool PersonalData,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string SecretHash)
{
    public static string PartnerTag(string partner) => $"partner:{partner}";

    public bool IsRevoked => RevokedAt is not null;

    // Records print every property; the hash stays out of logs too.
    public override string ToString() => $"ApiKey {{ Id = {Id}, Partner = {Partner}, RevokedAt = {RevokedAt:O} }}";
}

/// <summary>Creates an API key for a partner; <see cref="PersonalData"/> grants the contacts:personal scope.</summary>
public sealed record ApiKeyInput(string? Partner, string? Description, bool? PersonalData);

/// <summary>
/// An API key as the API shows it. <see cref="Key"/> (<c>svk.&lt;id&gt;.&lt;secret&gt;</c>) is in
/// the answer to the create call only; the hash is never shown.
/// </summary>
public sealed record ApiKeyResponse(
    string Id,
    string Partner,
    string? Description,
    bool PersonalData,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public static ApiKeyResponse From(ApiKey key, long version) =>
        new(key.Id, key.Partner, key.Description, key.PersonalData, key.CreatedAt, key.RevokedAt, version);

    public override string ToString() => $"ApiKeyResponse {{ Id = {Id}, Partner = {Partner} }}";
}
