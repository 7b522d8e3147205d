using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Analysis;

/// <summary>An institution in a coverage answer, by the name valid on the date asked about.</summary>
public sealed record InstitutionRef(string Id, string Name, string? Abbreviation, string Kind, bool Partial);

/// <summary>
/// A forum in a coverage answer, with its computed activity on the date asked about:
/// <see cref="Activity"/> says active, dormant or not known; <see cref="Active"/> is true only when known active.
/// </summary>
public sealed record ForumRef(
    string Id, string Name, string? Abbreviation, bool Active, DateOnly? LastMeetingOn, string? DormancyReason, LivenessState Activity, ImpreciseDate? LastMeeting);

/// <summary>How one institution takes part in one forum on the date asked about.</summary>
public sealed record Participation(
    string ForumId, string ForumName, bool ForumActive, ParticipationCapacity Capacity, string? ViaForumId, string? ViaInstitutionId,
    LivenessState ForumActivity);

/// <summary>
/// <see cref="ActivityUnknown"/>: in no forum known to be active, and in at least one whose
/// activity on the date is not known, so the registry cannot say whether it was covered.
/// </summary>
public enum CoverageState { InActiveForum, OnlyInDormantForums, InNoForum, ActivityUnknown }

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
public sealed record ForumCoverage
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Abbreviation { get; init; }
    public string? ParentId { get; init; }
    public bool Active { get; init; }
    public LivenessState Activity { get; init; }
    public DateOnly? LastMeetingOn { get; init; }
    public ImpreciseDate? LastMeeting { get; init; }
    public DormancyKind? Dormancy { get; init; }
    public string? DormancyReason { get; init; }
    /// <summary>A sub-group with nothing of its own recorded takes its activity from this forum, its parent.</summary>
    public string? ActivityFromForumId { get; init; }
    public ForumStatus RecordedStatus { get; init; }
    public string? RecordedStatusNote { get; init; }
    public bool CoversAll { get; init; }
    public IReadOnlyList<string> Includes { get; init; } = [];
    public int MissingCount { get; init; }
    /// <summary>Whether its contact points are what Contacts lists, or not known to the registry, or none appointed (issue 17).</summary>
    public ContactAvailability ContactAvailability { get; init; }
}

/// <summary>
/// How old the registry's knowledge is on the date asked about: the newest meeting recorded
/// and the newest verification of a forum description, both certainly on or before that date
/// (<see cref="NewestMeeting"/>, <see cref="NewestVerified"/> as precisely as known; the
/// <c>On</c> forms when known to the day). Months are counted from the latest day each may
/// have been. <see cref="OutOfDate"/> when neither falls within the dormancy period before it.
/// </summary>
public sealed record DataAge(
    DateOnly? NewestMeetingOn, DateOnly? NewestVerifiedOn, int? MonthsOld, bool OutOfDate, ImpreciseDate? NewestMeeting, ImpreciseDate? NewestVerified);

/// <summary>The coverage picture of one healthcare region on one date, in full (GET /api/coverage/regions/{id}?include=matrix).</summary>
public sealed record RegionCoverage
{
    public required string RegionId { get; init; }
    public required string RegionName { get; init; }
    public required string OrdinanceName { get; init; }
    public DateOnly AsOf { get; init; }
    public int DormantAfterMonths { get; init; }
    public bool HasPrimaryForum { get; init; }
    public IReadOnlyList<ForumRef> PrimaryForums { get; init; } = [];
    public IReadOnlyList<ForumRef> CoversAllButDormant { get; init; } = [];
    public IReadOnlyList<ForumRef> ForumsWithSome { get; init; } = [];
    public IReadOnlyList<ForumRef> DormantForums { get; init; } = [];
    /// <summary>Forums whose activity on the date is not known: neither active nor dormant here.</summary>
    public IReadOnlyList<ForumRef> UnknownActivityForums { get; init; } = [];
    public IReadOnlyList<InstitutionRef> InNoForum { get; init; } = [];
    public IReadOnlyList<InstitutionRef> OnlyInDormantForums { get; init; } = [];
    public IReadOnlyList<InstitutionRef> ActivityUnknown { get; init; } = [];
    public IReadOnlyList<InstitutionCoverage> Institutions { get; init; } = [];
    public IReadOnlyList<ForumCoverage> Forums { get; init; } = [];
    public required DataAge DataAge { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>How current the read model behind this answer is.</summary>
    public Freshness? ReadModel { get; init; }
}

/// <summary>One region's row in the national overview (GET /api/coverage).</summary>
public sealed record CoverageRow
{
    public required string RegionId { get; init; }
    public required string RegionName { get; init; }
    public required string OrdinanceName { get; init; }
    public bool HasPrimaryForum { get; init; }
    public IReadOnlyList<ForumRef> PrimaryForums { get; init; } = [];
    public IReadOnlyList<ForumRef> CoversAllButDormant { get; init; } = [];
    public IReadOnlyList<ForumRef> ForumsWithSome { get; init; } = [];
    public IReadOnlyList<InstitutionRef> InNoForum { get; init; } = [];
    public IReadOnlyList<InstitutionRef> OnlyInDormantForums { get; init; } = [];
    public IReadOnlyList<InstitutionRef> ActivityUnknown { get; init; } = [];
    public int CountyCouncils { get; init; }
    public int Universities { get; init; }
    public int InActiveForum { get; init; }
    public int ActiveForums { get; init; }
    public int DormantForums { get; init; }
    public int UnknownActivityForums { get; init; }
    public required DataAge DataAge { get; init; }

    public static CoverageRow From(RegionCoverage c) => new()
    {
        RegionId = c.RegionId,
        RegionName = c.RegionName,
        OrdinanceName = c.OrdinanceName,
        HasPrimaryForum = c.HasPrimaryForum,
        PrimaryForums = c.PrimaryForums,
        CoversAllButDormant = c.CoversAllButDormant,
        ForumsWithSome = c.ForumsWithSome,
        InNoForum = c.InNoForum,
        OnlyInDormantForums = c.OnlyInDormantForums,
        ActivityUnknown = c.ActivityUnknown,
        CountyCouncils = c.Institutions.Count(i => i.Kind == InstitutionInfo.CountyCouncil),
        Universities = c.Institutions.Count(i => i.Kind == InstitutionInfo.University),
        InActiveForum = c.Institutions.Count(i => i.State == CoverageState.InActiveForum),
        ActiveForums = c.Forums.Count(f => f.Active),
        DormantForums = c.DormantForums.Count,
        UnknownActivityForums = c.UnknownActivityForums.Count,
        DataAge = c.DataAge,
    };
}

/// <summary>The national overview: one row per region, with the age of the data behind it.</summary>
public sealed record NationalCoverage(
    DateOnly AsOf,
    int DormantAfterMonths,
    int RegionsWithPrimaryForum,
    IReadOnlyList<CoverageRow> Regions,
    DataAge DataAge,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How current the read model behind this answer is.</summary>
    public Freshness? ReadModel { get; init; }
}

/// <summary>
/// The region's coverage as a dashboard needs it (GET /api/coverage/regions/{id}): who is
/// missing and what is primary, with counts for the rest. The institution-by-forum detail is
/// asked for with <c>include=matrix</c>, or read page by page.
/// </summary>
public sealed record RegionCoverageSummary
{
    public required string RegionId { get; init; }
    public required string RegionName { get; init; }
    public required string OrdinanceName { get; init; }
    public DateOnly AsOf { get; init; }
    public int DormantAfterMonths { get; init; }
    public bool HasPrimaryForum { get; init; }
    public IReadOnlyList<ForumRef> PrimaryForums { get; init; } = [];
    public IReadOnlyList<ForumRef> CoversAllButDormant { get; init; } = [];
    public IReadOnlyList<InstitutionRef> InNoForum { get; init; } = [];
    public IReadOnlyList<InstitutionRef> OnlyInDormantForums { get; init; } = [];
    public IReadOnlyList<InstitutionRef> ActivityUnknown { get; init; } = [];
    public int Institutions { get; init; }
    public int CountyCouncils { get; init; }
    public int Universities { get; init; }
    public int InActiveForum { get; init; }
    public int Forums { get; init; }
    public int ActiveForums { get; init; }
    public int DormantForums { get; init; }
    public int UnknownActivityForums { get; init; }
    public int ForumsWithSome { get; init; }
    public required DataAge DataAge { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How current the read model behind this answer is.</summary>
    public Freshness? ReadModel { get; init; }

    public static RegionCoverageSummary From(RegionCoverage c) => new()
    {
        RegionId = c.RegionId,
        RegionName = c.RegionName,
        OrdinanceName = c.OrdinanceName,
        AsOf = c.AsOf,
        DormantAfterMonths = c.DormantAfterMonths,
        HasPrimaryForum = c.HasPrimaryForum,
        PrimaryForums = c.PrimaryForums,
        CoversAllButDormant = c.CoversAllButDormant,
        InNoForum = c.InNoForum,
        OnlyInDormantForums = c.OnlyInDormantForums,
        ActivityUnknown = c.ActivityUnknown,
        Institutions = c.Institutions.Count,
        CountyCouncils = c.Institutions.Count(i => i.Kind == InstitutionInfo.CountyCouncil),
        Universities = c.Institutions.Count(i => i.Kind == InstitutionInfo.University),
        InActiveForum = c.Institutions.Count(i => i.State == CoverageState.InActiveForum),
        Forums = c.Forums.Count,
        ActiveForums = c.Forums.Count(f => f.Active),
        DormantForums = c.DormantForums.Count,
        UnknownActivityForums = c.UnknownActivityForums.Count,
        ForumsWithSome = c.ForumsWithSome.Count,
        DataAge = c.DataAge,
        Warnings = c.Warnings,
    };
}
