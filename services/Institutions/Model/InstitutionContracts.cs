namespace Samverkan.Institutions.Model;

/// <summary>
/// What a client sends to create or update an institution. <see cref="NameValidFrom"/> dates the
/// name: on create, when the current name took effect; on update with a new name, when the
/// rename took effect (default today), closing the old name the day before. A missing
/// <see cref="OtherNames"/> keeps those recorded.
/// </summary>
public sealed record InstitutionInput(
    string? Name, string? Abbreviation, InstitutionKind? Kind, string? Website, DateOnly? NameValidFrom, IReadOnlyList<string>? OtherNames = null);

/// <summary>Records that this institution was merged into <see cref="SuccessorId"/>.</summary>
public sealed record MergeInput(string? SuccessorId, DateOnly? On, string? Note);

/// <summary>Records a planned merger, or one that was planned and dropped, as history, with the name it would have given (searchable).</summary>
public sealed record PlannedMergerInput(bool? Dropped, DateOnly? On, string? Note, IReadOnlyList<string>? RelatedInstitutionIds, string? PlannedName = null);

public sealed record InstitutionResponse
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Abbreviation { get; init; }
    public InstitutionKind Kind { get; init; }
    public InstitutionStatus Status { get; init; }
    public string? SuccessorId { get; init; }
    public IReadOnlyList<InstitutionName> Names { get; init; } = [];
    public IReadOnlyList<LifecycleEntry> Lifecycle { get; init; } = [];
    public string? Website { get; init; }
    public IReadOnlyList<string> OtherNames { get; init; } = [];
    public long Version { get; init; }

    public static InstitutionResponse From(Institution institution, long version)
    {
        var current = institution.CurrentName();
        return new()
        {
            Id = institution.Id,
            Name = current.Name,
            Abbreviation = current.Abbreviation,
            Kind = institution.Kind,
            Status = institution.Status,
            SuccessorId = institution.SuccessorId,
            Names = institution.Names,
            Lifecycle = institution.Lifecycle,
            Website = institution.Website,
            OtherNames = institution.OtherNames ?? [],
            Version = version,
        };
    }
}
