using Samverkan.ServiceDefaults.Problems;

namespace Samverkan.Forums.Model;

/// <summary>Checks a forum needs no other service for. References are checked by <c>ForumReferences</c>.</summary>
public static class ForumValidation
{
    /// <summary>A forum meeting every week for twenty years stays under this.</summary>
    public const int MaxMeetingDates = 2000;

    public static Validation Validate(ForumInput input, DateOnly today)
    {
        var validation = new Validation()
            .Required("name", input.Name, 200)
            .MaxLength("abbreviation", input.Abbreviation, 30)
            .MaxLength("purpose", input.Purpose, 4000)
            .MaxLength("background", input.Background, 4000)
            .MaxLength("secretary", input.Secretary, 500)
            .MaxLength("statusNote", input.StatusNote, 1000)
            .MaxLength("website", input.Website, 300);
        if (input.RegionIds is not { Count: > 0 })
        {
            validation.Add("regionIds", "At least one healthcare region.");
        }
        if (input.StartYear is { } year && (year < 1900 || year > today.Year))
        {
            validation.Add("startYear", $"A year between 1900 and {today.Year}.");
        }
        if (input.LastMeetingOn > today)
        {
            validation.Add("lastMeetingOn", "A meeting that has happened: not in the future.");
        }
        ValidateMeetingDates(input.MeetingDates ?? [], today, validation);
        if (input.Meetings is { Min: { } min, Max: { } max } && max < min)
        {
            validation.Add("meetings.max", "Not less than meetings.min.");
        }
        if (input.Website is not null && !Uri.TryCreate(input.Website, UriKind.Absolute, out _))
        {
            validation.Add("website", "An absolute URL, e.g. https://example.se.");
        }
        ValidateParticipants(input.Participants ?? [], validation);
        return validation;
    }

    private static void ValidateMeetingDates(IReadOnlyList<DateOnly> dates, DateOnly today, Validation validation)
    {
        if (dates.Count > MaxMeetingDates)
        {
            validation.Add("meetingDates", $"At most {MaxMeetingDates} meetings.");
        }
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] > today)
            {
                validation.Add($"meetingDates[{i}]", "A meeting that has happened: not in the future.");
            }
        }
    }

    private static void ValidateParticipants(IReadOnlyList<Participant> participants, Validation validation)
    {
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            var field = $"participants[{i}]";
            validation.Required($"{field}.institutionId", participant.InstitutionId, 100)
                .Period($"{field}.to", participant.From, participant.To)
                .MaxLength($"{field}.note", participant.Note, 500);
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
