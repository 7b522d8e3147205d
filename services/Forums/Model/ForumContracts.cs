namespace Samverkan.Forums.Model;

/// <summary>
/// What a client sends to create or replace a forum. Missing lists mean empty; a missing status
/// means active. The meeting history is the exception: a missing <see cref="MeetingDates"/>
/// keeps the history already recorded, and <see cref="LastMeetingOn"/> is added to it, so a
/// replace never loses recorded meetings by leaving the field out.
/// </summary>
public sealed record ForumInput(
    string? Name,
    string? Abbreviation,
    IReadOnlyList<string>? RegionIds,
    string? ParentId,
    string? ParentDescription,
    IReadOnlyList<Participant>? Participants,
    string? Purpose,
    string? Background,
    int? StartYear,
    FormalBasis? FormalBasis,
    Meetings? Meetings,
    Chair? Chair,
    string? Secretary,
    MunicipalityParticipation? MunicipalitiesTakePart,
    IReadOnlyList<CooperationKind>? CooperationKinds,
    IReadOnlyList<string>? Professions,
    ForumStatus? Status,
    DateOnly? LastMeetingOn,
    string? StatusNote,
    Provenance? Provenance,
    string? Website,
    IReadOnlyList<DateOnly>? MeetingDates = null)
{
    /// <param name="id">The forum's id.</param>
    /// <param name="recordedMeetings">The meetings already recorded, kept when <see cref="MeetingDates"/> is left out.</param>
    public Forum ToForum(string id, IReadOnlyList<DateOnly>? recordedMeetings = null)
    {
        IReadOnlyList<DateOnly> history =
            [.. (MeetingDates ?? recordedMeetings ?? []).Concat(LastMeetingOn is { } last ? [last] : []).Distinct().Order()];
        return new(
            id, Name!.Trim(), Blank(Abbreviation), RegionIds ?? [], Blank(ParentId), Blank(ParentDescription), Participants ?? [],
            Blank(Purpose), Blank(Background), StartYear, FormalBasis, Meetings, Chair, Blank(Secretary),
            MunicipalitiesTakePart ?? MunicipalityParticipation.Unknown, CooperationKinds ?? [], Professions ?? [],
            Status ?? ForumStatus.Active, history.Count == 0 ? null : history[^1], Blank(StatusNote), Provenance, Blank(Website),
            history);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A participant as read: with the institution's current name from the Institutions service.</summary>
public sealed record ParticipantResponse(
    string InstitutionId,
    string? InstitutionName,
    string? InstitutionAbbreviation,
    ParticipationCapacity Capacity,
    string? ViaForumId,
    string? ViaInstitutionId,
    DateOnly? From,
    DateOnly? To,
    string? Note);

public sealed record ForumResponse(
    string Id,
    string Name,
    string? Abbreviation,
    IReadOnlyList<string> RegionIds,
    string? ParentId,
    string? ParentDescription,
    IReadOnlyList<ParticipantResponse> Participants,
    string? Purpose,
    string? Background,
    int? StartYear,
    FormalBasis? FormalBasis,
    Meetings? Meetings,
    Chair? Chair,
    string? Secretary,
    MunicipalityParticipation MunicipalitiesTakePart,
    IReadOnlyList<CooperationKind> CooperationKinds,
    IReadOnlyList<string> Professions,
    ForumStatus Status,
    DateOnly? LastMeetingOn,
    string? StatusNote,
    Provenance? Provenance,
    string? Website,
    long Version,
    IReadOnlyList<DateOnly> MeetingDates)
{
    public static ForumResponse From(Forum f, long version, IReadOnlyDictionary<string, InstitutionName> names) => new(
        f.Id, f.Name, f.Abbreviation, f.RegionIds, f.ParentId, f.ParentDescription,
        f.Participants.Select(p => new ParticipantResponse(p.InstitutionId, names.GetValueOrDefault(p.InstitutionId)?.Name,
            names.GetValueOrDefault(p.InstitutionId)?.Abbreviation, p.Capacity, p.ViaForumId, p.ViaInstitutionId, p.From, p.To, p.Note)).ToList(),
        f.Purpose, f.Background, f.StartYear, f.FormalBasis, f.Meetings, f.Chair, f.Secretary, f.MunicipalitiesTakePart,
        f.CooperationKinds, f.Professions, f.Status, f.LastMeetingOn, f.StatusNote, f.Provenance, f.Website, version,
        f.RecordedMeetings());
}

/// <summary>An institution's current name and abbreviation, as the Institutions service reports it.</summary>
public sealed record InstitutionName(string Name, string? Abbreviation);
