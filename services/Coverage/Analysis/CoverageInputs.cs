namespace Samverkan.Coverage.Analysis;

/// <summary>A healthcare region as the Regions service reports it: who belongs to it, partial members included.</summary>
public sealed record RegionInput(string Id, string Name, string OrdinanceName, IReadOnlyList<MemberInput> Members);

/// <summary>An institution's membership of a region; <see cref="Partial"/> when only some municipalities or one campus belong.</summary>
public sealed record MemberInput(string InstitutionId, bool Partial, string? Note);

/// <summary>
/// An institution as the Institutions service reports it for the date asked about: the name
/// valid then, its kind (<c>countyCouncil</c>, <c>university</c>, ...) and the day it stopped
/// existing on its own, if it has.
/// </summary>
public sealed record InstitutionInfo(string Id, string Name, string? Abbreviation, string Kind, DateOnly? EndedOn)
{
    public const string CountyCouncil = "countyCouncil";
    public const string University = "university";

    /// <summary>County councils and universities are the "everyone" a primary forum must gather (DOMAIN.md).</summary>
    public bool MustBeCovered => Kind is CountyCouncil or University;

    public bool ExistsOn(DateOnly date) => EndedOn is not { } ended || date < ended;
}
