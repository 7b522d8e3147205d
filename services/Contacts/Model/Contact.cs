namespace Samverkan.Contacts.Model;

/// <summary>A function (the chair, the secretary) reached through whoever holds it, or a named person.</summary>
public enum ContactKind { Function, Person }

/// <summary>
/// The person behind a contact. Every field here is personal data (GDPR): it is never written to
/// logs or traces (log the contact id only), never sent over gRPC to other services, and it is
/// erased with the contact. The API shows it only to callers who may see personal data
/// (<c>Caller.MaySeePersonalData</c>); the rule for which fields are personal is
/// <c>Samverkan.Audit.Privacy.PersonalData</c>.
/// </summary>
public sealed record Person(string? Name, string? Title, string? Organisation, string? Email, string? Phone);

/// <summary>
/// A way to reach a forum or an institution: exactly one of <see cref="ForumId"/> and
/// <see cref="InstitutionId"/> is set. <see cref="OwnerInstitutionId"/> is the institution that
/// keeps the entry current; <see cref="VerifiedOn"/> is when someone last confirmed it.
/// Contacts hold personal data (<see cref="Person"/>, <see cref="Note"/>), so unlike institutions
/// they are erased, not retired, when deleted: what stays is a tombstone without the personal
/// fields, with <see cref="ErasedOn"/> set, so the id answers 410 Gone and is never reused.
/// </summary>
public sealed record Contact
{
    public required string Id { get; init; }
    public required ContactKind Kind { get; init; }
    public string? Function { get; init; }
    public string? ForumId { get; init; }
    public string? InstitutionId { get; init; }
    public Person? Person { get; init; }
    public string? OwnerInstitutionId { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    public string? Note { get; init; }

    /// <summary>
    /// Forums whose participants this contact can also reach, where a source names the path
    /// ("Kansliets direktör kan då … kontakta Lärosäten Syd"): the reach plan counts them as reached through it.
    /// </summary>
    public IReadOnlyList<string> AlsoReachesForumIds { get; init; } = [];
    public DateOnly? ErasedOn { get; init; }

    /// <summary>Exact-match lookup keys: "forum:&lt;id&gt;", "institution:&lt;id&gt;", "owner:&lt;id&gt;".</summary>
    /// <remarks>A tombstone has none: no filtered lookup finds an erased contact.</remarks>
    public IEnumerable<string> Tags()
    {
        if (ErasedOn is not null)
        {
            yield break;
        }
        if (ForumId is not null)
        {
            yield return ContactTags.Forum(ForumId);
        }
        if (InstitutionId is not null)
        {
            yield return ContactTags.Institution(InstitutionId);
        }
        if (OwnerInstitutionId is not null)
        {
            yield return ContactTags.Owner(OwnerInstitutionId);
        }
    }
}

public static class ContactTags
{
    public static string Forum(string id) => $"forum:{id}";

    public static string Institution(string id) => $"institution:{id}";

    public static string Owner(string id) => $"owner:{id}";
}
