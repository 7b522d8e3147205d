namespace Samverkan.Institutions.Model;

public enum InstitutionKind { CountyCouncil, University, Municipality, Association, Other }

/// <summary>Institutions are never erased: a merged or closed one stays, with its history.</summary>
public enum InstitutionStatus { Active, Merged, Closed }

public enum LifecycleType { Renamed, Merged, PlannedMerger, PlannedMergerDropped, Closed }

/// <summary>A name the institution had; <see cref="ValidTo"/> is the last day it was valid, null while current.</summary>
public sealed record InstitutionName(string Name, string? Abbreviation, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Something that happened to the institution, or was planned and dropped (e.g. the Region Norrland merger).</summary>
public sealed record LifecycleEntry(LifecycleType Type, DateOnly? On, string? Note, IReadOnlyList<string> RelatedInstitutionIds);

/// <summary>An organisation with a stable id; its names change over time, its id never does.</summary>
public sealed record Institution(
    string Id,
    InstitutionKind Kind,
    IReadOnlyList<InstitutionName> Names,
    InstitutionStatus Status,
    string? SuccessorId,
    IReadOnlyList<LifecycleEntry> Lifecycle,
    string? Website)
{
    public InstitutionName CurrentName() => Names.LastOrDefault(name => name.ValidTo is null) ?? Names[^1];

    /// <summary>Every name and abbreviation it has had, for search.</summary>
    public IEnumerable<string?> SearchableNames() =>
        Names.SelectMany(name => new[] { name.Name, name.Abbreviation });
}
