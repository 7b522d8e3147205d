using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Contacts.Model;

/// <summary>
/// What a client sends to create or replace a contact. A PUT replaces every field: a field left
/// out is cleared (including <see cref="VerifiedOn"/>; use the verify call to confirm a contact).
/// </summary>
public sealed record ContactInput(
    ContactKind? Kind,
    string? Function,
    string? ForumId,
    string? InstitutionId,
    Person? Person,
    string? OwnerInstitutionId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateOnly? VerifiedOn,
    string? Note);

/// <summary>
/// The contact as stored, with its version (also sent as the ETag). <see cref="Person"/> and
/// <see cref="Note"/> are personal data: null for callers who may not see it (<see cref="From(Contact, long, Caller)"/>).
/// </summary>
public sealed record ContactResponse(
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
    string? Note,
    long Version)
{
    public static ContactResponse From(Contact contact, long version) => new(
        contact.Id, contact.Kind, contact.Function, contact.ForumId, contact.InstitutionId, contact.Person,
        contact.OwnerInstitutionId, contact.ValidFrom, contact.ValidTo, contact.VerifiedOn, contact.Note, version);

    /// <summary>The contact as this caller may see it: anonymous callers and partners without the personal-data scope get no person and no note.</summary>
    public static ContactResponse From(Contact contact, long version, Caller caller)
    {
        var response = From(contact, version);
        return caller.MaySeePersonalData ? response : ContactPrivacy.WithoutPersonalData(response);
    }
}
