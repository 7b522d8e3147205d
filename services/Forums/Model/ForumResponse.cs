using Samverkan.Text;

namespace Samverkan.Forums.Model;

/// <summary>A participant as read: with the institution's current name from the Institutions service.</summary>
public sealed record ParticipantResponse
{
    public required string InstitutionId { get; init; }
    public string? InstitutionName { get; init; }
    public string? InstitutionAbbreviation { get; init; }
    public ParticipationCapacity Capacity { get; init; }
    public string? ViaForumId { get; init; }
    public string? ViaInstitutionId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Note { get; init; }
    public int? Seats { get; init; }
}

/// <summary>A forum as read (and as carried in its events): JSON properties in declaration order.</summary>
public sealed record ForumResponse
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Abbreviation { get; init; }
    public IReadOnlyList<string> RegionIds { get; init; } = [];
    public string? ParentId { get; init; }
    public string? ParentDescription { get; init; }
    public IReadOnlyList<ParticipantResponse> Participants { get; init; } = [];
    public string? Purpose { get; init; }
    public string? Background { get; init; }
    public int? StartYear { get; init; }
    public FormalBasis? FormalBasis { get; init; }
    public Meetings? Meetings { get; init; }
    public Chair? Chair { get; init; }
    public string? Secretary { get; init; }
    public MunicipalityParticipation MunicipalitiesTakePart { get; init; }
    public IReadOnlyList<CooperationKind> CooperationKinds { get; init; } = [];
    public IReadOnlyList<string> Professions { get; init; } = [];
    public ForumStatus Status { get; init; }
    public DateOnly? LastMeetingOn { get; init; }
    public string? StatusNote { get; init; }
    public Provenance? Provenance { get; init; }
    public string? Website { get; init; }
    public ForumKind Kind { get; init; }
    public IReadOnlyList<Predecessor> Predecessors { get; init; } = [];
    public IReadOnlyList<NonParticipant> NonParticipants { get; init; } = [];
    public IReadOnlyList<CooperationKind> WishedCooperationKinds { get; init; } = [];
    public IReadOnlyList<CooperationKind> AbsentCooperationKinds { get; init; } = [];
    public ContactAvailability ContactAvailability { get; init; }
    public long Version { get; init; }
    public IReadOnlyList<DateOnly> MeetingDates { get; init; } = [];
    public IReadOnlyList<ImpreciseDate> ApproximateMeetings { get; init; } = [];

    public static ForumResponse From(Forum f, long version, IReadOnlyDictionary<string, InstitutionName> names) => new()
    {
        Id = f.Id,
        Name = f.Name,
        Abbreviation = f.Abbreviation,
        RegionIds = f.RegionIds,
        ParentId = f.ParentId,
        ParentDescription = f.ParentDescription,
        Participants = [.. f.Participants.Select(p => From(p, names.GetValueOrDefault(p.InstitutionId)))],
        Purpose = f.Purpose,
        Background = f.Background,
        StartYear = f.StartYear,
        FormalBasis = f.FormalBasis,
        Meetings = f.Meetings,
        Chair = f.Chair,
        Secretary = f.Secretary,
        MunicipalitiesTakePart = f.MunicipalitiesTakePart,
        CooperationKinds = f.CooperationKinds,
        Professions = f.Professions,
        Status = f.Status,
        LastMeetingOn = f.LastMeetingOn,
        StatusNote = f.StatusNote,
        Provenance = f.Provenance,
        Website = f.Website,
        Version = version,
        MeetingDates = f.RecordedMeetings(),
        ApproximateMeetings = f.ApproximateMeetings ?? [],
        Kind = f.Kind,
        Predecessors = f.Predecessors,
        NonParticipants = f.NonParticipants,
        WishedCooperationKinds = f.WishedCooperationKinds,
        AbsentCooperationKinds = f.AbsentCooperationKinds,
        ContactAvailability = f.ContactAvailability,
    };

    private static ParticipantResponse From(Participant p, InstitutionName? name) => new()
    {
        InstitutionId = p.InstitutionId,
        InstitutionName = name?.Name,
        InstitutionAbbreviation = name?.Abbreviation,
        Capacity = p.Capacity,
        ViaForumId = p.ViaForumId,
        ViaInstitutionId = p.ViaInstitutionId,
        From = p.From,
        To = p.To,
        Note = p.Note,
        Seats = p.Seats,
    };
}
