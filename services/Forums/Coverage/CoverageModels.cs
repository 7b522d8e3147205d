using Samverkan.Forums.Model;

namespace Samverkan.Forums.Coverage;

/// <summary>An institution in a coverage answer, by the name valid on the date asked about.</summary>
public sealed record InstitutionRef(string Id, string Name, string? Abbreviation, string Kind, bool Partial);

/// <summary>A forum in a coverage answer, with its computed activity on the date asked about.</summary>
public sealed record ForumRef(string Id, string Name, string? Abbreviation, bool Active, DateOnly? LastMeetingOn, string? DormancyReason);

/// <summary>How one institution takes part in one forum on the date asked about.</summary>
public sealed record Participation(
    string ForumId, string ForumName, bool ForumActive, ParticipationCapacity Capacity, string? ViaForumId, string? ViaInstitutionId);

public enum CoverageState { InActiveForum, OnlyInDormantForums, InNoForum }

/// <summary>One county council or university of the region and the region's forums it takes part in.</summary>
public sealed record InstitutionCoverage(
    string Id,
    string Name,
    string? Abbreviation,
    string Kind,
    bool Partial,
    string? MembershipNote,
    CoverageState State,
    IReadOnlyList<Participation> Forums);

/// <summary>
/// One forum of the region: its activity, and which of the region's county councils and
/// universities take part (<see cref="Includes"/>); <see cref="MissingCount"/> of them do not
/// (the region's <c>institutions</c> minus <see cref="Includes"/>: not listed, since in a large
/// region that list would dwarf the answer).
/// </summary>
public sealed record ForumCoverage(
    string Id,
    string Name,
    string? Abbreviation,
    string? ParentId,
    bool Active,
    DateOnly? LastMeetingOn,
    DormancyKind? Dormancy,
    string? DormancyReason,
    ForumStatus RecordedStatus,
    string? RecordedStatusNote,
    bool CoversAll,
    IReadOnlyList<string> Includes,
    int MissingCount);

/// <summary>
/// How old the registry's knowledge is on the date asked about: the newest meeting recorded
/// and the newest verification of a forum description, both on or before that date.
/// <see cref="OutOfDate"/> when neither falls within the dormancy period before it.
/// </summary>
public sealed record DataAge(DateOnly? NewestMeetingOn, DateOnly? NewestVerifiedOn, int? MonthsOld, bool OutOfDate);

/// <summary>The coverage picture of one healthcare region on one date (GET /api/regions/{id}/coverage).</summary>
public sealed record RegionCoverage(
    string RegionId,
    string RegionName,
    string OrdinanceName,
    DateOnly AsOf,
    int DormantAfterMonths,
    bool HasPrimaryForum,
    IReadOnlyList<ForumRef> PrimaryForums,
    IReadOnlyList<ForumRef> CoversAllButDormant,
    IReadOnlyList<ForumRef> ForumsWithSome,
    IReadOnlyList<ForumRef> DormantForums,
    IReadOnlyList<InstitutionRef> InNoForum,
    IReadOnlyList<InstitutionRef> OnlyInDormantForums,
    IReadOnlyList<InstitutionCoverage> Institutions,
    IReadOnlyList<ForumCoverage> Forums,
    DataAge DataAge,
    IReadOnlyList<string> Warnings);

/// <summary>One region's row in the national overview (GET /api/coverage).</summary>
public sealed record CoverageRow(
    string RegionId,
    string RegionName,
    string OrdinanceName,
    bool HasPrimaryForum,
    IReadOnlyList<ForumRef> PrimaryForums,
    IReadOnlyList<ForumRef> CoversAllButDormant,
    IReadOnlyList<ForumRef> ForumsWithSome,
    IReadOnlyList<InstitutionRef> InNoForum,
    IReadOnlyList<InstitutionRef> OnlyInDormantForums,
    int CountyCouncils,
    int Universities,
    int InActiveForum,
    int ActiveForums,
    int DormantForums,
    DataAge DataAge)
{
    public static CoverageRow From(RegionCoverage c) => new(
        c.RegionId, c.RegionName, c.OrdinanceName, c.HasPrimaryForum, c.PrimaryForums, c.CoversAllButDormant, c.ForumsWithSome,
        c.InNoForum, c.OnlyInDormantForums,
        c.Institutions.Count(i => i.Kind == InstitutionInfo.CountyCouncil),
        c.Institutions.Count(i => i.Kind == InstitutionInfo.University),
        c.Institutions.Count(i => i.State == CoverageState.InActiveForum),
        c.Forums.Count(f => f.Active),
        c.Forums.Count(f => !f.Active),
        c.DataAge);
}

/// <summary>The national overview: one row per region, with the age of the data behind it.</summary>
public sealed record NationalCoverage(
    DateOnly AsOf,
    int DormantAfterMonths,
    int RegionsWithPrimaryForum,
    IReadOnlyList<CoverageRow> Regions,
    DataAge DataAge,
    IReadOnlyList<string> Warnings);
