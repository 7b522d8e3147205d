using Samverkan.Text;

namespace Samverkan.Coverage.Model;

/// <summary>As Forums' enum: <see cref="Unknown"/> appears only in its answers about a past date, never in an event.</summary>
public enum ForumStatus { Active, Dormant, Unknown }

/// <summary>How an institution takes part: as a member, invited, only in the extended meetings, or through another body.</summary>
public enum ParticipationCapacity { Member, Invited, ExtendedMeetingsOnly, RepresentedVia }

public enum FormalBasisKind { RegionalAlfAgreement, VfuAgreement, PrincipleAgreement, Mandate, NotFormalised, Other }

public enum MeetingPeriod { Term, Year }

public enum MeetingForm { Physical, Online, Mixed }

public enum MunicipalityParticipation { Yes, No, Some, Unknown }

public enum CooperationKind { OverallCooperation, JointDevelopment, JointAdvocacy, InformationExchange, JointReporting }

/// <summary>As Forums' enum: another body (a management group, its working groups) is shown in the report but never counts for coverage.</summary>
public enum ForumKind { Forum, OtherBody }

/// <summary>As Forums' enum: whether the forum's contact points are what Contacts lists, not known to the registry, or none appointed.</summary>
public enum ContactAvailability { Listed, NotKnown, NoneAppointed }

/// <summary>
/// An institution's part in a forum for a period (open ends mean "since always" / "still").
/// Represented participation names the body it goes through: another forum or an institution.
/// </summary>
public sealed record Participant(
    string InstitutionId,
    ParticipationCapacity Capacity,
    string? ViaForumId,
    string? ViaInstitutionId,
    DateOnly? From,
    DateOnly? To,
    string? Note);

public sealed record FormalBasis(FormalBasisKind Kind, string? Description, int? Year);

/// <summary>Meeting frequency as the forum states it: "4–5 a term" is Min 4, Max 5, Per term.</summary>
public sealed record Meetings(int? Min, int? Max, MeetingPeriod? Per, MeetingForm? Form, string? Description);

public sealed record Chair(string? Description, string? Rotation);

/// <summary>Who verified the description and when (the day, or as precisely as the source gives it): a function and organisation, not a person's name.</summary>
public sealed record Provenance(string? VerifiedBy, DateOnly? VerifiedOn, string? Source, ImpreciseDate? VerifiedApproximately = null)
{
    /// <summary>The verification as the liveness and data-age rules read it: the day, else the approximate date.</summary>
    public ImpreciseDate? Verified => VerifiedOn is { } day ? ImpreciseDate.Day(day) : VerifiedApproximately;
}

/// <summary>
/// A forum as this service knows it: the data of the Forums service's events (the forum as its
/// API answers it), read by name; participants' names are not kept, since coverage names
/// institutions as on the date asked about. The enums mirror Forums' and grow with its contract:
/// an event with a value not known here is refused with a 5xx and retried, never skipped.
/// </summary>
public sealed record Forum : IMeetingHistory
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Abbreviation { get; init; }
    public IReadOnlyList<string> RegionIds { get; init; } = [];
    public string? ParentId { get; init; }
    public string? ParentDescription { get; init; }
    public IReadOnlyList<Participant> Participants { get; init; } = [];
    public string? Purpose { get; init; }
    public string? Background { get; init; }
    public int? StartYear { get; init; }
    public FormalBasis? FormalBasis { get; init; }
    public Meetings? Meetings { get; init; }
    public Chair? Chair { get; init; }
    public string? Secretary { get; init; }
    public MunicipalityParticipation MunicipalitiesTakePart { get; init; } = MunicipalityParticipation.Unknown;
    public IReadOnlyList<CooperationKind> CooperationKinds { get; init; } = [];
    public IReadOnlyList<string> Professions { get; init; } = [];
    public ForumStatus Status { get; init; } = ForumStatus.Active;
    public DateOnly? LastMeetingOn { get; init; }
    public string? StatusNote { get; init; }
    public Provenance? Provenance { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<DateOnly>? MeetingDates { get; init; }
    public IReadOnlyList<ImpreciseDate>? ApproximateMeetings { get; init; }
    public ForumKind Kind { get; init; } = ForumKind.Forum;
    public ContactAvailability ContactAvailability { get; init; } = ContactAvailability.Listed;
    public long Version { get; init; }

    // Explicit, so it is never stored or serialized as a field of its own.
    bool IMeetingHistory.StoredDormant => Status == ForumStatus.Dormant;

    /// <summary>
    /// Every recorded meeting, oldest first: the history in <see cref="MeetingDates"/> plus
    /// <see cref="LastMeetingOn"/>, since the seed and forums stored before the history existed
    /// carry only the latter.
    /// </summary>
    /// <remarks>Computed once per instance: the read model never changes a forum, it replaces it.</remarks>
    public IReadOnlyList<DateOnly> RecordedMeetings() =>
        _meetings ??= [.. (MeetingDates ?? []).Concat(LastMeetingOn is { } last ? [last] : []).Distinct().Order()];

    /// <summary>The recorded days and the approximate meetings: what the liveness rule reads.</summary>
    public IReadOnlyList<ImpreciseDate> KnownMeetings() =>
        _known ??= [.. RecordedMeetings().Select(ImpreciseDate.Day).Concat(ApproximateMeetings ?? []).Distinct()];

    private IReadOnlyList<DateOnly>? _meetings;
    private IReadOnlyList<ImpreciseDate>? _known;
}
