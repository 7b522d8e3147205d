using Samverkan.Text;

namespace Samverkan.Forums.Model;

/// <summary>
/// What a client sends to create or replace a forum. Missing lists mean empty; a missing status
/// means active. The meeting history is the exception: a missing <see cref="MeetingDates"/> or
/// <see cref="ApproximateMeetings"/> keeps the history already recorded, and
/// <see cref="LastMeetingOn"/> is added to it, so a replace never loses recorded meetings by
/// leaving the field out.
/// </summary>
public sealed record ForumInput
{
    public string? Name { get; init; }
    public string? Abbreviation { get; init; }
    public IReadOnlyList<string>? RegionIds { get; init; }
    public string? ParentId { get; init; }
    public string? ParentDescription { get; init; }
    public IReadOnlyList<Participant>? Participants { get; init; }
    public string? Purpose { get; init; }
    public string? Background { get; init; }
    public int? StartYear { get; init; }
    public FormalBasis? FormalBasis { get; init; }
    public Meetings? Meetings { get; init; }
    public Chair? Chair { get; init; }
    public string? Secretary { get; init; }
    public MunicipalityParticipation? MunicipalitiesTakePart { get; init; }
    public IReadOnlyList<CooperationKind>? CooperationKinds { get; init; }
    public IReadOnlyList<string>? Professions { get; init; }
    public ForumStatus? Status { get; init; }
    public DateOnly? LastMeetingOn { get; init; }
    public string? StatusNote { get; init; }
    public Provenance? Provenance { get; init; }
    public string? Website { get; init; }
    public IReadOnlyList<DateOnly>? MeetingDates { get; init; }
    public IReadOnlyList<ImpreciseDate>? ApproximateMeetings { get; init; }
    public ForumKind? Kind { get; init; }
    public IReadOnlyList<Predecessor>? Predecessors { get; init; }
    public IReadOnlyList<NonParticipant>? NonParticipants { get; init; }
    public IReadOnlyList<CooperationKind>? WishedCooperationKinds { get; init; }
    public IReadOnlyList<CooperationKind>? AbsentCooperationKinds { get; init; }
    public ContactAvailability? ContactAvailability { get; init; }

    /// <param name="id">The forum's id.</param>
    /// <param name="recorded">The forum as stored: its meetings are kept when <see cref="MeetingDates"/> or <see cref="ApproximateMeetings"/> is left out.</param>
    public Forum ToForum(string id, Forum? recorded = null)
    {
        var recordedMeetings = recorded?.RecordedMeetings();
        IReadOnlyList<DateOnly> history =
            [.. (MeetingDates ?? recordedMeetings ?? []).Concat(LastMeetingOn is { } last ? [last] : []).Distinct().Order()];
        return new()
        {
            Id = id,
            Name = Name!.Trim(),
            Abbreviation = Blank(Abbreviation),
            RegionIds = RegionIds ?? [],
            ParentId = Blank(ParentId),
            ParentDescription = Blank(ParentDescription),
            Participants = Participants ?? [],
            Purpose = Blank(Purpose),
            Background = Blank(Background),
            StartYear = StartYear,
            FormalBasis = FormalBasis,
            Meetings = Meetings,
            Chair = Chair,
            Secretary = Blank(Secretary),
            MunicipalitiesTakePart = MunicipalitiesTakePart ?? MunicipalityParticipation.Unknown,
            CooperationKinds = CooperationKinds ?? [],
            Professions = Professions ?? [],
            Status = Status ?? ForumStatus.Active,
            LastMeetingOn = history.Count == 0 ? null : history[^1],
            StatusNote = Blank(StatusNote),
            Provenance = Provenance,
            Website = Blank(Website),
            MeetingDates = history,
            ApproximateMeetings = ApproximateMeetings ?? recorded?.ApproximateMeetings ?? [],
            Kind = Kind ?? ForumKind.Forum,
            Predecessors = [.. (Predecessors ?? []).Select(p => p with { Name = p.Name.Trim(), Note = Blank(p.Note) })],
            NonParticipants = [.. (NonParticipants ?? []).Select(n => n with { Note = Blank(n.Note) })],
            WishedCooperationKinds = WishedCooperationKinds ?? [],
            AbsentCooperationKinds = AbsentCooperationKinds ?? [],
            ContactAvailability = ContactAvailability ?? Model.ContactAvailability.Listed,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
/// <summary>An institution's current name and abbreviation, as the Institutions service reports it.</summary>
public sealed record InstitutionName(string Name, string? Abbreviation);
