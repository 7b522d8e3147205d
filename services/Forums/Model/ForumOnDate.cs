using Samverkan.Text;

namespace Samverkan.Forums.Model;

/// <summary>
/// A forum as the registry shows it for a past date (the API's <c>asOf</c>): the participants of
/// that day, the meetings held by then and the status the liveness rule gives on that day
/// (<see cref="Liveness"/>, as the Coverage service computes it: unknown where the records
/// cannot tell). The stored status says how the forum stands now and has no
/// history, so its note is kept only where the status on the day is the same.
/// </summary>
public static class ForumOnDate
{
    /// <summary>A forum whose start year lies after the date did not exist then (the rule Coverage applies too).</summary>
    public static bool ExistedOn(this Forum forum, DateOnly date) => forum.StartYear is not { } year || year <= date.Year;

    /// <param name="forum">The forum as stored.</param>
    /// <param name="date">The day asked about.</param>
    /// <param name="dormancy">The dormancy period.</param>
    /// <param name="parentById">The forum's parents (a sub-group without meetings of its own is as alive as its parent).</param>
    public static Forum On(this Forum forum, DateOnly date, DormancyPeriod dormancy, Func<string, Forum?> parentById)
    {
        var meetings = forum.RecordedMeetings().Where(meeting => meeting <= date).ToList();
        var status = dormancy.On(forum, date, parentById).State switch
        {
            LivenessState.Active => ForumStatus.Active,
            LivenessState.Dormant => ForumStatus.Dormant,
            _ => ForumStatus.Unknown,
        };
        return forum with
        {
            Participants = [.. forum.Participants.Where(participant => participant.ValidOn(date))],
            MeetingDates = meetings,
            LastMeetingOn = meetings.Count > 0 ? meetings[^1] : null,
            // A meeting known only roughly is shown once it may have been held by then.
            ApproximateMeetings = [.. (forum.ApproximateMeetings ?? []).Where(meeting => (meeting.Earliest ?? DateOnly.MinValue) <= date)],
            Status = status,
            StatusNote = status == forum.Status ? forum.StatusNote : null,
        };
    }
}
