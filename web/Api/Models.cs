using Samverkan.Text;

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
    string? StatusNote, Provenance? Provenance, string? Website, int Version, IReadOnlyList<DateOnly> MeetingDates,
    IReadOnlyList<ImpreciseDate>? ApproximateMeetings = null, string Kind = "forum", IReadOnlyList<Predecessor>? Predecessors = null,
    IReadOnlyList<NonParticipant>? NonParticipants = null, string ContactAvailability = "listed")
{
    /// <summary>The newest meeting known (by the latest day it may have been), the recorded days and the approximate ones alike.</summary>
    public ImpreciseDate? NewestMeeting =>
        MeetingDates.Select(ImpreciseDate.Day).Concat(ApproximateMeetings ?? []).Select(meeting => (ImpreciseDate?)meeting).MaxBy(meeting => meeting!.Value.Latest);
}

public sealed record Participant(
    string InstitutionId, string? InstitutionName, string? InstitutionAbbreviation, string Capacity,
    string? ViaForumId, string? ViaInstitutionId, DateOnly? From, DateOnly? To, string? Note, int? Seats = null);

public sealed record FormalBasis(string Kind, string? Description, int? Year);

public sealed record Meetings(int? Min, int? Max, string? Per, string? Form, string? Description, IReadOnlyList<MeetingPart>? Parts = null);

public sealed record MeetingPart(int? Min, int? Max, string? Per, string? Form, string? Note);

public sealed record Predecessor(string Name, string Change, ImpreciseDate? Until, string? Note);

public sealed record NonParticipant(string InstitutionId, string? Note);

public sealed record Chair(string? Description, string? Rotation);

public sealed record Provenance(string? VerifiedBy, DateOnly? VerifiedOn, string? Source, ImpreciseDate? VerifiedApproximately = null)
{
    public ImpreciseDate? Verified => VerifiedOn is { } day ? ImpreciseDate.Day(day) : VerifiedApproximately;
}

public sealed record Contact(
    string Id, string Kind, string? Function, string? ForumId, string? InstitutionId, Person? Person, string? OwnerInstitutionId,
    DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? VerifiedOn, string? Note, int Version);

public sealed record Person(string? Name, string? Title, string? Organisation, string? Email, string? Phone);

public sealed record RegionCoverage(
    string RegionId, string RegionName, DateOnly? AsOf, int DormantAfterMonths, bool HasPrimaryForum, IReadOnlyList<ForumRef>? PrimaryForums,
    IReadOnlyList<InstitutionRef>? InNoForum, IReadOnlyList<InstitutionRef>? OnlyInDormantForums, IReadOnlyList<InstitutionCoverage>? Institutions,
    IReadOnlyList<ForumCoverage>? Forums, DataAge? DataAge, IReadOnlyList<string>? Warnings, Freshness? ReadModel,
    IReadOnlyList<InstitutionRef>? ActivityUnknown = null);

/// <summary>A forum in a coverage answer; <see cref="Activity"/> is active, dormant or unknown (the registry cannot tell on that date).</summary>
public sealed record ForumRef(
    string Id, string Name, string? Abbreviation, bool Active, DateOnly? LastMeetingOn, string? DormancyReason, string? Activity = null, ImpreciseDate? LastMeeting = null);

public sealed record InstitutionRef(string Id, string Name, string? Abbreviation, string Kind, bool Partial);

public sealed record DataAge(
    DateOnly? NewestMeetingOn, DateOnly? NewestVerifiedOn, int? MonthsOld, bool OutOfDate, ImpreciseDate? NewestMeeting = null, ImpreciseDate? NewestVerified = null);

public sealed record InstitutionCoverage(
    string Id, string Name, string? Abbreviation, string Kind, bool Partial, string? MembershipNote, string State, IReadOnlyList<Participation>? Forums);

/// <summary>How one institution takes part in one forum (a cell of the coverage matrix).</summary>
public sealed record Participation(
    string ForumId, string ForumName, bool ForumActive, string Capacity, string? ViaForumId, string? ViaInstitutionId, string? ForumActivity = null);

public sealed record ForumCoverage(
    string Id, string Name, string? Abbreviation, string? ParentId, bool Active, DateOnly? LastMeetingOn, string? DormancyReason, string RecordedStatus, bool CoversAll,
    string? Activity = null, ImpreciseDate? LastMeeting = null);

/// <summary>The region's coverage as a dashboard reads it (GET /api/coverage/regions/{id}): who is missing, what is primary, counts.</summary>
public sealed record RegionCoverageSummary(
    string RegionId, string RegionName, DateOnly AsOf, int DormantAfterMonths, bool HasPrimaryForum, IReadOnlyList<ForumRef>? PrimaryForums,
    IReadOnlyList<InstitutionRef>? InNoForum, IReadOnlyList<InstitutionRef>? OnlyInDormantForums, int Institutions, int InActiveForum,
    int Forums, int ActiveForums, int DormantForums, DataAge? DataAge, IReadOnlyList<string>? Warnings, Freshness? ReadModel,
    IReadOnlyList<InstitutionRef>? ActivityUnknown = null);

/// <summary>The national overview (GET /api/coverage): one row per healthcare region.</summary>
public sealed record NationalCoverage(
    DateOnly AsOf, int DormantAfterMonths, int RegionsWithPrimaryForum, IReadOnlyList<CoverageRow> Regions, DataAge? DataAge,
    IReadOnlyList<string>? Warnings, Freshness? ReadModel);

public sealed record CoverageRow(
    string RegionId, string RegionName, bool HasPrimaryForum, IReadOnlyList<ForumRef>? PrimaryForums,
    IReadOnlyList<InstitutionRef>? InNoForum, IReadOnlyList<InstitutionRef>? OnlyInDormantForums,
    int CountyCouncils, int Universities, int InActiveForum, int ActiveForums, int DormantForums, DataAge? DataAge,
    IReadOnlyList<InstitutionRef>? ActivityUnknown = null)
{
    public int Institutions => CountyCouncils + Universities;
}

/// <summary>How current the Coverage service's read model was when it answered.</summary>
public sealed record Freshness(DateTimeOffset? ChangedAt, IReadOnlyList<ProducerFreshness>? Producers);

public sealed record ProducerFreshness(string Producer, long Position, bool Gap);

/// <summary>The reach plan (GET /api/coverage/regions/{id}/reach): the fewest contact points that reach every county council and university.</summary>
public sealed record ReachPlan(
    string RegionId, string RegionName, DateOnly AsOf, bool Exact, int Institutions, int Reachable,
    IReadOnlyList<ReachContact> ContactPoints, IReadOnlyList<Unreachable> Unreachable, IReadOnlyList<string>? Warnings);

public sealed record ReachContact(
    string ContactId, string Kind, string? Function, string? ForumId, string? ForumName, string? InstitutionId, string? InstitutionName,
    DateOnly? VerifiedOn, bool VerificationStale, IReadOnlyList<InstitutionRef> Reaches);

public sealed record Unreachable(string Id, string Name, string Kind, bool Partial, string Reason);

/// <summary>The API's rule for a stale contact: verified before <see cref="VerifiedBefore"/> (or never).</summary>
public sealed record StaleContacts(int OlderThanMonths, DateOnly Today, DateOnly VerifiedBefore, int Total)
{
    public bool IsStale(Contact contact) => contact.VerifiedOn is not { } verified || verified < VerifiedBefore;
}

/// <summary>A webhook subscription; <see cref="Secret"/> only in the answer to a create or a rotation, the one time it is shown.</summary>
public sealed record Subscription(
    string Id, string? Owner, string Url, IReadOnlyList<string> Types, string? Description, bool PersonalData, bool Enabled,
    string? DisabledReason, DateTimeOffset CreatedAt, DateTimeOffset? PreviousSecretExpiresAt, DeliveryProgress Delivery, int Version,
    string? Secret);

public sealed record DeliveryProgress(long Position, long? FailingPosition, int FailedAttempts, DateTimeOffset? FailingSince, DateTimeOffset? NextAttemptAt);

/// <summary>One event's deliveries to one subscription: every attempt, oldest first.</summary>
public sealed record Delivery(string Id, string EventId, string EventType, long? Position, string Status, IReadOnlyList<DeliveryAttempt> Attempts);

public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error, long LatencyMs);

public sealed record PingResult(string EventId, bool Success, int? StatusCode, string? Error, long LatencyMs, DateTimeOffset At);

/// <summary>A partner's API key record; <see cref="Key"/> only in the answer to its creation, the one time it is shown.</summary>
public sealed record ApiKey(string Id, string Partner, string? Description, bool PersonalData, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, int Version, string? Key);

/// <summary>One audited write of any service (GET /api/audit); personal values in it are already masked by the API.</summary>
public sealed record AuditRecord(string Id, DateTimeOffset At, string Service, AuditActor Actor, string Action, AuditEntity Entity, IReadOnlyList<string>? Changed, string? TraceId);

public sealed record AuditActor(string Subject, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Organisations, string? Partner);

public sealed record AuditEntity(string Type, string Id);
