namespace Samverkan.Forums.Model;

/// <summary>
/// A forum as the registry shows it for a past date (the API's <c>asOf</c>): the participants of
/// that day, the meetings held by then and the status the dormancy rule gives on that day, as the
/// Coverage service computes it. The stored status says how the forum stands now and has no
/// history, so its note is kept only where the status on the day is the same.
/// </summary>
public static class ForumOnDate
{
    /// <summary>A forum whose start year lies after the date did not exist then (the rule Coverage applies too).</summary>
    public static bool ExistedOn(this Forum forum, DateOnly date) => forum.StartYear is not { } year || year <= date.Year;

    public static Forum On(this Forum forum, DateOnly date, DormancyPeriod dormancy)
    {
        var meetings = forum.RecordedMeetings().Where(meeting => meeting <= date).ToList();
        var status = dormancy.AliveOn(forum, date) ? ForumStatus.Active : ForumStatus.Dormant;
        return forum with
        {
            Participants = [.. forum.Participants.Where(participant => participant.ValidOn(date))],
            MeetingDates = meetings,
            LastMeetingOn = meetings.Count > 0 ? meetings[^1] : null,
            Status = status,
            StatusNote = status == forum.Status ? forum.StatusNote : null,
        };
    }
}
