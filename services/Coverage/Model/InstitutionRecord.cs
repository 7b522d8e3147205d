namespace Samverkan.Coverage.Model;

/// <summary>A name an institution had; <see cref="ValidTo"/> is the last day it was valid, null while current.</summary>
public sealed record NameRecord(string Name, string? Abbreviation, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Something that happened to an institution; only merges and closures matter here (when it stopped existing).</summary>
public sealed record LifecycleRecord(string Type, DateOnly? On);

/// <summary>
/// An institution as the Institutions service's events carry it, with its whole name history, so
/// an answer as of any date names it as it was named then. Kind and status are the camelCase
/// names the API uses (<c>countyCouncil</c>, <c>merged</c>).
/// </summary>
public sealed record InstitutionRecord(string Id, string Kind, string Status, IReadOnlyList<NameRecord> Names, IReadOnlyList<LifecycleRecord> Lifecycle, long Version)
{
    public NameRecord CurrentName() => Names.LastOrDefault(name => name.ValidTo is null) ?? Names[^1];

    /// <summary>The name valid on <paramref name="date"/>; the current one when none was (the Institutions service's rule).</summary>
    public NameRecord NameOn(DateOnly date) =>
        Names.LastOrDefault(name => (name.ValidFrom is null || name.ValidFrom <= date) && (name.ValidTo is null || name.ValidTo >= date))
        ?? CurrentName();

    /// <summary>The day it stopped existing on its own (merged or closed), or null while it exists or when undated.</summary>
    public DateOnly? EndedOn() => Status == "active"
        ? null
        : Lifecycle.LastOrDefault(entry => entry.Type is "merged" or "closed")?.On;
}
