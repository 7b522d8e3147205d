namespace Samverkan.Contacts.Apis;

/// <summary>
/// What the API logs about contacts: ids, versions and owner institutions only, never a
/// person's details or a note, nor who the caller is (the audit trail records that).
/// </summary>
internal static partial class ContactsLog
{
    [LoggerMessage(1, LogLevel.Information, "Created contact {ContactId}")]
    public static partial void Created(ILogger logger, string contactId);

    [LoggerMessage(2, LogLevel.Information, "Updated contact {ContactId} to version {Version}")]
    public static partial void Updated(ILogger logger, string contactId, long version);

    [LoggerMessage(3, LogLevel.Information, "Verified contact {ContactId} on {VerifiedOn}")]
    public static partial void Verified(ILogger logger, string contactId, DateOnly verifiedOn);

    [LoggerMessage(4, LogLevel.Information, "Erased contact {ContactId}")]
    public static partial void Erased(ILogger logger, string contactId);

    [LoggerMessage(5, LogLevel.Information, "Refused a change of contact {ContactId}: the caller may not edit for owner {OwnerInstitutionId}")]
    public static partial void Refused(ILogger logger, string contactId, string? ownerInstitutionId);

    [LoggerMessage(6, LogLevel.Information, "Refused a new contact: the caller may not edit for owner {OwnerInstitutionId}")]
    public static partial void RefusedCreation(ILogger logger, string? ownerInstitutionId);
}
