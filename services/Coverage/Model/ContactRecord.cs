using Samverkan.Text;

namespace Samverkan.Coverage.Model;

/// <summary>
/// A contact point as coverage needs it: its function and what it is attached to, its owner and
/// validity, and when it was last verified. Never the person behind it: the person and the note
/// are personal data and are not read from the events, nor stored here.
/// </summary>
public sealed record ContactRecord(
    string Id, string Kind, string? Function, string? ForumId, string? InstitutionId, string? OwnerInstitutionId,
    DateOnly? VerifiedOn, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string>? AlsoReachesForumIds = null)
{
    public bool ValidOn(DateOnly date) => DateRange.Covers(ValidFrom, ValidTo, date);
}
