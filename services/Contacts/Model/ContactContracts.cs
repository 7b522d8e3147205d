using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Contacts.Model;

/// <summary>
/// What a client sends to create or replace a contact. A PUT replaces every field: a field left
/// out is cleared (including <see cref="VerifiedOn"/>; use the verify call to confirm a contact).
/// </summary>
public sealed record ContactInput
{
    public ContactKind? Kind { get; init; }
    public string? Function { get; init; }
    public string? ForumId { get; init; }
    public string? InstitutionId { get; init; }
    public Person? Person { get; init; }
    public string? OwnerInstitutionId { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string>? AlsoReachesForumIds { get; init; }
}

/// <summary>
/// The contact as stored, with its version (also sent as the ETag). <see cref="Person"/> and
/// <see cref="Note"/> are personal data: null for callers who may not see it (<see cref="From(Contact, long, Caller)"/>).
/// </summary>
public sealed record ContactResponse
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
    public IReadOnlyList<string> AlsoReachesForumIds { get; init; } = [];
    public long Version { get; init; }

    public static ContactResponse From(Contact contact, long version) => new()
    {
        Id = contact.Id,
        Kind = contact.Kind,
        Function = contact.Function,
        ForumId = contact.ForumId,
        InstitutionId = contact.InstitutionId,
        Person = contact.Person,
        OwnerInstitutionId = contact.OwnerInstitutionId,
        ValidFrom = contact.ValidFrom,
        ValidTo = contact.ValidTo,
        VerifiedOn = contact.VerifiedOn,
        Note = contact.Note,
        AlsoReachesForumIds = contact.AlsoReachesForumIds,
        Version = version,
    };

    /// <summary>The contact as this caller may see it: anonymous callers and partners without the personal-data scope get no person and no note.</summary>
    public static ContactResponse From(Contact contact, long version, Caller caller)
    {
        var response = From(contact, version);
        return caller.MaySeePersonalData ? response : ContactPrivacy.WithoutPersonalData(response);
    }
}
