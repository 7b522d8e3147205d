namespace Samverkan.Forums.Model;

public enum ForumStatus { Active, Dormant }

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

/// <summary>Who verified the description and when: a function and organisation, not a person's name.</summary>
public sealed record Provenance(string? VerifiedBy, DateOnly? VerifiedOn, string? Source);

/// <summary>A standing body where institutions cooperate on the supply of healthcare staff.</summary>
public sealed record Forum(
    string Id,
    string Name,
    string? Abbreviation,
    IReadOnlyList<string> RegionIds,
    string? ParentId,
    string? ParentDescription,
    IReadOnlyList<Participant> Participants,
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
    IReadOnlyList<DateOnly>? MeetingDates = null)
{
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
