namespace Samverkan.Institutions.Model;

/// <summary>
/// What a client sends to create or update an institution. <see cref="NameValidFrom"/> dates the
/// name: on create, when the current name took effect; on update with a new name, when the
/// rename took effect (default today), closing the old name the day before.
/// </summary>
public sealed record InstitutionInput(string? Name, string? Abbreviation, InstitutionKind? Kind, string? Website, DateOnly? NameValidFrom);

/// <summary>Records that this institution was merged into <see cref="SuccessorId"/>.</summary>
public sealed record MergeInput(string? SuccessorId, DateOnly? On, string? Note);

/// <summary>Records a planned merger, or one that was planned and dropped, as history.</summary>
public sealed record PlannedMergerInput(bool? Dropped, DateOnly? On, string? Note, IReadOnlyList<string>? RelatedInstitutionIds);

public sealed record InstitutionResponse(
    string Id,
    string Name,
    string? Abbreviation,
    InstitutionKind Kind,
    InstitutionStatus Status,
    string? SuccessorId,
    IReadOnlyList<InstitutionName> Names,
    IReadOnlyList<LifecycleEntry> Lifecycle,
    string? Website,
    long Version)
{
    public static InstitutionResponse From(Institution institution, long version)
    {
        var current = institution.CurrentName();
        return new(institution.Id, current.Name, current.Abbreviation, institution.Kind, institution.Status,
            institution.SuccessorId, institution.Names, institution.Lifecycle, institution.Website, version);
    }
}
