namespace Samverkan.Contacts.Model;

/// <summary>A function (the chair, the secretary) reached through whoever holds it, or a named person.</summary>
public enum ContactKind { Function, Person }

/// <summary>
/// The person behind a contact. Every field here is personal data (GDPR): it is never written to
/// logs or traces (log the contact id only), never sent over gRPC to other services, and it is
/// erased with the contact. Until per-role visibility rules arrive, every API caller sees it.
/// </summary>
public sealed record Person(string? Name, string? Title, string? Organisation, string? Email, string? Phone);

/// <summary>
/// A way to reach a forum or an institution: exactly one of <see cref="ForumId"/> and
/// <see cref="InstitutionId"/> is set. <see cref="OwnerInstitutionId"/> is the institution that
/// keeps the entry current; <see cref="VerifiedOn"/> is when someone last confirmed it.
/// Contacts hold personal data (<see cref="Person"/>), so unlike institutions they are erased,
/// not retired, when deleted.
/// </summary>
public sealed record Contact(
    string Id,
    ContactKind Kind,
    string? Function,
    string? ForumId,
    string? InstitutionId,
    Person? Person,
    string? OwnerInstitutionId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateOnly? VerifiedOn,
    string? Note)
{
    /// <summary>Exact-match lookup keys: "forum:&lt;id&gt;", "institution:&lt;id&gt;", "owner:&lt;id&gt;".</summary>
    public IEnumerable<string> Tags()
    {
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
