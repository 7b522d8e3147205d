using Samverkan.Http;
using Samverkan.Text;
using static Samverkan.Forums.Model.ForumBounds;

namespace Samverkan.Forums.Model;

/// <summary>
/// Checks a forum needs no other service for, against <see cref="ForumBounds"/>. References are
/// checked by <c>ForumReferences</c>, and only when these checks pass.
/// </summary>
public static class ForumValidation
{
    public static Validation Validate(ForumInput input, DateOnly today)
    {
        var validation = new Validation()
            .Required("name", input.Name, NameLength)
            .MaxLength("abbreviation", input.Abbreviation, AbbreviationLength)
            .MaxLength("parentId", input.ParentId, IdLength)
            .MaxLength("parentDescription", input.ParentDescription, ParentDescriptionLength)
            .MaxLength("purpose", input.Purpose, PurposeLength)
            .MaxLength("background", input.Background, BackgroundLength)
            .MaxLength("secretary", input.Secretary, SecretaryLength)
            .MaxLength("statusNote", input.StatusNote, StatusNoteLength)
            .MaxLength("website", input.Website, WebsiteLength)
            .TextList("regionIds", input.RegionIds, MaxRegionIds, IdLength)
            .TextList("professions", input.Professions, MaxProfessions, ProfessionLength)
            .List("cooperationKinds", input.CooperationKinds, MaxCooperationKinds)
            .List("participants", input.Participants, MaxParticipants)
            .List("predecessors", input.Predecessors, MaxPredecessors)
            .List("nonParticipants", input.NonParticipants, MaxNonParticipants)
            .List("wishedCooperationKinds", input.WishedCooperationKinds, MaxCooperationKinds)
            .List("absentCooperationKinds", input.AbsentCooperationKinds, MaxCooperationKinds)
            .Range("startYear", input.StartYear, EarliestYear, today.Year)
            .Date("lastMeetingOn", input.LastMeetingOn, notAfter: today);
        if (input.RegionIds is not { Count: > 0 })
        {
            validation.Add("regionIds", "At least one healthcare region.");
        }
        if (input.Website is not null && !Uri.TryCreate(input.Website, UriKind.Absolute, out _))
        {
            validation.Add("website", "An absolute URL, e.g. https://example.se.");
        }
        if (input.Status == ForumStatus.Unknown)
        {
            validation.Add("status", "active or dormant: unknown is only answered about a past date (asOf).");
        }
        ValidateMeetingDates(input.MeetingDates ?? [], today, validation);
        ValidateApproximateMeetings(input.ApproximateMeetings ?? [], today, validation);
        ValidateDetails(input, today, validation);
        if (input.Participants is { Count: <= MaxParticipants } participants)
        {
            ValidateParticipants(participants, validation);
        }
        ForumFactsValidation.Validate(input, today, validation);
        return validation;
    }

    /// <summary>
    /// The forum a write would store, checked for what grows across writes: a PUT without
    /// <c>meetingDates</c> keeps the recorded history and adds <c>lastMeetingOn</c> to it.
    /// </summary>
    public static Validation ValidateStored(Forum forum, Validation validation)
    {
        if (forum.RecordedMeetings().Count > MaxMeetingDates)
        {
            validation.Add("meetingDates", $"At most {MaxMeetingDates} recorded meetings, lastMeetingOn included.");
        }
        return validation;
    }

    private static void ValidateMeetingDates(IReadOnlyList<DateOnly> dates, DateOnly today, Validation validation)
    {
        if (dates.Count > MaxMeetingDates)
        {
            validation.Add("meetingDates", $"At most {MaxMeetingDates} meetings.");
            return;
        }
        for (var i = 0; i < dates.Count; i++)
        {
            validation.Date($"meetingDates[{i}]", dates[i], notAfter: today);
        }
    }

    private static void ValidateApproximateMeetings(IReadOnlyList<ImpreciseDate> meetings, DateOnly today, Validation validation)
    {
        if (meetings.Count > MaxMeetingDates)
        {
            validation.Add("approximateMeetings", $"At most {MaxMeetingDates} meetings.");
            return;
        }
        for (var i = 0; i < meetings.Count; i++)
        {
            validation.Date($"approximateMeetings[{i}]", meetings[i], notAfter: today);
        }
    }

    /// <summary>The nested objects: formal basis, meetings, chair and provenance.</summary>
    private static void ValidateDetails(ForumInput input, DateOnly today, Validation validation)
    {
        if (input.FormalBasis is { } basis)
        {
            validation.MaxLength("formalBasis.description", basis.Description, FormalBasisDescriptionLength)
                .Range("formalBasis.year", basis.Year, EarliestYear, DateRange.Latest.Year);
        }
        if (input.Meetings is { } meetings)
        {
            validation.Range("meetings.min", meetings.Min, 0, MaxMeetingsPerPeriod)
                .Range("meetings.max", meetings.Max, 0, MaxMeetingsPerPeriod)
                .MaxLength("meetings.description", meetings.Description, MeetingsDescriptionLength);
            if (meetings is { Min: { } min, Max: { } max } && max < min)
            {
                validation.Add("meetings.max", "Not less than meetings.min.");
            }
            ForumFactsValidation.ValidateParts(meetings.Parts, validation);
        }
        if (input.Chair is { } chair)
        {
            validation.MaxLength("chair.description", chair.Description, ChairDescriptionLength)
                .MaxLength("chair.rotation", chair.Rotation, ChairRotationLength);
        }
        if (input.Provenance is { } provenance)
        {
            validation.MaxLength("provenance.verifiedBy", provenance.VerifiedBy, VerifiedByLength)
                .Date("provenance.verifiedOn", provenance.VerifiedOn, notAfter: today)
                .Date("provenance.verifiedApproximately", provenance.VerifiedApproximately, notAfter: today)
                .MaxLength("provenance.source", provenance.Source, SourceLength);
        }
    }

    private static void ValidateParticipants(IReadOnlyList<Participant> participants, Validation validation)
    {
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i] is not { } participant)
            {
                continue;
            }
            var field = $"participants[{i}]";
            validation.Required($"{field}.institutionId", participant.InstitutionId, IdLength)
                .MaxLength($"{field}.viaForumId", participant.ViaForumId, IdLength)
                .MaxLength($"{field}.viaInstitutionId", participant.ViaInstitutionId, IdLength)
                .Date($"{field}.from", participant.From)
                .Date($"{field}.to", participant.To)
                .Period($"{field}.to", participant.From, participant.To)
                .MaxLength($"{field}.note", participant.Note, ParticipantNoteLength)
                .Range($"{field}.seats", participant.Seats, 1, MaxSeats);
            var represented = participant.ViaForumId is not null || participant.ViaInstitutionId is not null;
            if (participant.Capacity == ParticipationCapacity.RepresentedVia && !represented)
            {
                validation.Add($"{field}.viaForumId", "A represented participant names the forum or institution it is represented through.");
            }
            if (participant.Capacity != ParticipationCapacity.RepresentedVia && represented)
            {
                validation.Add($"{field}.capacity", "Only representedVia participants name a body they go through.");
            }
        }
    }
}
