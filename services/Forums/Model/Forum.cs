using Samverkan.Text;

namespace Samverkan.Forums.Model;

/// <summary>
/// Stored: active or dormant. <see cref="Unknown"/> only in an answer about a past date
/// (<c>asOf</c>), when the registry's records cannot say whether the forum was alive then.
/// </summary>
public enum ForumStatus { Active, Dormant, Unknown }

/// <summary>How an institution takes part: as a member, invited, only in the extended meetings, or through another body.</summary>
public enum ParticipationCapacity { Member, Invited, ExtendedMeetingsOnly, RepresentedVia }

public enum FormalBasisKind { RegionalAlfAgreement, VfuAgreement, PrincipleAgreement, Mandate, NotFormalised, Other }

public enum MeetingPeriod { Term, Year }

public enum MeetingForm { Physical, Online, Mixed }

public enum MunicipalityParticipation { Yes, No, Some, Unknown }

public enum CooperationKind { OverallCooperation, JointDevelopment, JointAdvocacy, InformationExchange, JointReporting }

/// <summary>
/// An institution's part in a forum for a period (open ends mean "since always" / "still").
/// Represented participation names the body it goes through: another forum or an institution.
/// <see cref="Seats"/> is how many members the institution appoints, where the source says
/// (NUSS: four from Umeå universitet, four from Västerbottens läns landsting).
/// </summary>
public sealed record Participant(
    string InstitutionId,
    ParticipationCapacity Capacity,
    string? ViaForumId,
    string? ViaInstitutionId,
    DateOnly? From,
    DateOnly? To,
    string? Note,
    int? Seats = null)
{
    public bool ValidOn(DateOnly date) => DateRange.Covers(From, To, date);
}

public sealed record FormalBasis(FormalBasisKind Kind, string? Description, int? Year);

/// <summary>
/// Meeting frequency as the forum states it: "4–5 a term" is Min 4, Max 5, Per term; a split
/// pattern ("two physical and two online a year") lists its <see cref="Parts"/>.
/// </summary>
public sealed record Meetings(int? Min, int? Max, MeetingPeriod? Per, MeetingForm? Form, string? Description, IReadOnlyList<MeetingPart>? Parts = null);

public sealed record Chair(string? Description, string? Rotation);

/// <summary>
/// Who verified the description and when: a function and organisation, not a person's name. The
/// day, or where the source gives less, <see cref="VerifiedApproximately"/> (the 2018 mapping was
/// verified "during spring 2018").
/// </summary>
public sealed record Provenance(string? VerifiedBy, DateOnly? VerifiedOn, string? Source, ImpreciseDate? VerifiedApproximately = null);

/// <summary>
/// A standing body where institutions cooperate on the supply of healthcare staff. Stored as JSON
/// with its properties in declaration order (the seed files and stored documents keep that order).
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

    /// <summary>Meetings known less precisely than a day ("2018-spring", "before 2017-06-30"), as the source gives them.</summary>
    public IReadOnlyList<ImpreciseDate>? ApproximateMeetings { get; init; }

    public ForumKind Kind { get; init; } = ForumKind.Forum;

    /// <summary>Earlier bodies this one re-formed or replaced: their names find it.</summary>
    public IReadOnlyList<Predecessor> Predecessors { get; init; } = [];

    /// <summary>Institutions a source says are not part of it (not the same as not being listed).</summary>
    public IReadOnlyList<NonParticipant> NonParticipants { get; init; } = [];

    /// <summary>Kinds of cooperation wished for but not happening yet; <see cref="CooperationKinds"/> are those that happen.</summary>
    public IReadOnlyList<CooperationKind> WishedCooperationKinds { get; init; } = [];

    /// <summary>Kinds of cooperation a source says do not happen in it.</summary>
    public IReadOnlyList<CooperationKind> AbsentCooperationKinds { get; init; } = [];

    /// <summary>Whether its contact points are known: the reach plan and the pages say "not known" rather than "none".</summary>
    public ContactAvailability ContactAvailability { get; init; } = ContactAvailability.Listed;

    /// <summary>The names a search finds it by: its own, its abbreviation, its purpose and its predecessors' names.</summary>
    public IEnumerable<string?> SearchableText() =>
        [Name, Abbreviation, Purpose, .. Predecessors.Select(predecessor => predecessor.Name)];

    // Explicit, so it is never stored or serialized as a field of its own.
    bool IMeetingHistory.StoredDormant => Status == ForumStatus.Dormant;

    /// <summary>The recorded days and the approximate meetings: what the liveness rule reads.</summary>
    public IReadOnlyList<ImpreciseDate> KnownMeetings() =>
        [.. RecordedMeetings().Select(ImpreciseDate.Day).Concat(ApproximateMeetings ?? []).Distinct()];

    /// <summary>
    /// Every recorded meeting, oldest first: the history in <see cref="MeetingDates"/> plus
    /// <see cref="LastMeetingOn"/>, since the seed and forums stored before the history existed
    /// carry only the latter.
    /// </summary>
    public IReadOnlyList<DateOnly> RecordedMeetings() =>
        [.. (MeetingDates ?? []).Concat(LastMeetingOn is { } last ? [last] : []).Distinct().Order()];

    /// <summary>Lookup keys: by region, by participating institution, by parent.</summary>
    public IEnumerable<string> Tags() =>
        RegionIds.Select(region => $"region:{region}")
            .Concat(Participants.Select(participant => $"institution:{participant.InstitutionId}"))
            .Concat(ParentId is null ? [] : [$"parent:{ParentId}"]);
}
