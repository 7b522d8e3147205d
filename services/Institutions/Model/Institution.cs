namespace Samverkan.Institutions.Model;

public enum InstitutionKind { CountyCouncil, University, Municipality, Association, Other }

/// <summary>Institutions are never erased: a merged or closed one stays, with its history.</summary>
public enum InstitutionStatus { Active, Merged, Closed }

public enum LifecycleType { Renamed, Merged, PlannedMerger, PlannedMergerDropped, Closed }

/// <summary>A name the institution had; <see cref="ValidTo"/> is the last day it was valid, null while current.</summary>
public sealed record InstitutionName(string Name, string? Abbreviation, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Something that happened to the institution, or was planned and dropped (e.g. the Region
/// Norrland merger). <see cref="PlannedName"/> is the name a planned merger would have given, searchable.
/// </summary>
public sealed record LifecycleEntry(LifecycleType Type, DateOnly? On, string? Note, IReadOnlyList<string> RelatedInstitutionIds, string? PlannedName = null);

/// <summary>
/// An organisation with a stable id; its names change over time, its id never does.
/// <see cref="OtherNames"/> are the ways people write it besides its names (variant spellings,
/// short forms): found by search, never shown as its name.
/// </summary>
public sealed record Institution(
    string Id,
    InstitutionKind Kind,
    IReadOnlyList<InstitutionName> Names,
    InstitutionStatus Status,
    string? SuccessorId,
    IReadOnlyList<LifecycleEntry> Lifecycle,
    string? Website,
    IReadOnlyList<string>? OtherNames = null)
{
    public InstitutionName CurrentName() => Names.LastOrDefault(name => name.ValidTo is null) ?? Names[^1];

    /// <summary>The name valid on <paramref name="date"/>; the current name when none was (e.g. before the first recorded one).</summary>
    public InstitutionName NameOn(DateOnly date) =>
        Names.LastOrDefault(name => (name.ValidFrom is null || name.ValidFrom <= date) && (name.ValidTo is null || name.ValidTo >= date))
        ?? CurrentName();

    /// <summary>The day it stopped existing on its own (merged or closed), or null while it exists or when undated.</summary>
    public DateOnly? EndedOn() => Status == InstitutionStatus.Active
        ? null
        : Lifecycle.LastOrDefault(entry => entry.Type is LifecycleType.Merged or LifecycleType.Closed)?.On;

    /// <summary>Every name and abbreviation it has had, the other ways it is written and the names planned mergers would have given it, for search.</summary>
    public IEnumerable<string?> SearchableNames() =>
        Names.SelectMany(name => new[] { name.Name, name.Abbreviation }).Concat(OtherNames ?? []).Concat(Lifecycle.Select(entry => entry.PlannedName));
}
