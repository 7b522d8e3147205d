namespace Samverkan.Web.Api;

// The API's answers as the pages read them: only the fields shown (tests/Contracts.Tests/OpenApi/snapshots
// describe them all). Enumerations stay strings; Resources/Texts.resx names each value in Swedish.

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public sealed record Region(string Id, string Name, string OrdinanceName, IReadOnlyList<RegionMember> Members, int Version);

public sealed record RegionMember(string InstitutionId, bool Partial, string? Note);

public sealed record Institution(
    string Id, string Name, string? Abbreviation, string Kind, string Status, string? SuccessorId,
    IReadOnlyList<InstitutionName> Names, IReadOnlyList<LifecycleEntry> Lifecycle, string? Website, int Version);

public sealed record InstitutionName(string Name, string? Abbreviation, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record LifecycleEntry(string Type, DateOnly? On, string? Note, IReadOnlyList<string> RelatedInstitutionIds);

public sealed record Forum(
    string Id, string Name, string? Abbreviation, IReadOnlyList<string> RegionIds, string? ParentId, string? ParentDescription,
    IReadOnlyList<Participant> Participants, string? Purpose, string? Background, int? StartYear, FormalBasis? FormalBasis,
    Meetings? Meetings, Chair? Chair, string? Secretary, string? MunicipalitiesTakePart, string Status, DateOnly? LastMeetingOn,
    string? StatusNote, Provenance? Provenance, string? Website, int Version, IReadOnlyList<DateOnly> MeetingDates);

public sealed record Participant(
    string InstitutionId, string? InstitutionName, string? InstitutionAbbreviation, string Capacity,
    string? ViaForumId, string? ViaInstitutionId, DateOnly? From, DateOnly? To, string? Note);

public sealed record FormalBasis(string Kind, string? Description, int? Year);

public sealed record Meetings(int? Min, int? Max, string? Per, string? Form, string? Description);

public sealed record Chair(string? Description, string? Rotation);

public sealed record Provenance(string? VerifiedBy, DateOnly? VerifiedOn, string? Source);

public sealed record Contact(
    string Id, string Kind, string? Function, string? ForumId, string? InstitutionId, Person? Person, string? OwnerInstitutionId,
    DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? VerifiedOn, string? Note, int Version);

public sealed record Person(string? Name, string? Title, string? Organisation, string? Email, string? Phone);

public sealed record RegionCoverage(
    string RegionId, string RegionName, DateOnly? AsOf, bool HasPrimaryForum, IReadOnlyList<ForumRef>? PrimaryForums,
    IReadOnlyList<InstitutionRef>? InNoForum, IReadOnlyList<InstitutionRef>? OnlyInDormantForums, IReadOnlyList<InstitutionCoverage>? Institutions,
    IReadOnlyList<ForumCoverage>? Forums, DataAge? DataAge, IReadOnlyList<string>? Warnings);

public sealed record ForumRef(string Id, string Name, string? Abbreviation, bool Active);

public sealed record InstitutionRef(string Id, string Name, string? Abbreviation, string Kind, bool Partial);

public sealed record DataAge(DateOnly? NewestMeetingOn, DateOnly? NewestVerifiedOn, int? MonthsOld, bool OutOfDate);

public sealed record InstitutionCoverage(string Id, string Name, string? Abbreviation, string Kind, bool Partial, string? MembershipNote, string State);

public sealed record ForumCoverage(string Id, string Name, string? ParentId, bool Active, DateOnly? LastMeetingOn, string RecordedStatus, bool CoversAll);

/// <summary>The API's rule for a stale contact: verified before <see cref="VerifiedBefore"/> (or never).</summary>
public sealed record StaleContacts(int OlderThanMonths, DateOnly Today, DateOnly VerifiedBefore, int Total)
{
    public bool IsStale(Contact contact) => contact.VerifiedOn is not { } verified || verified < VerifiedBefore;
}
