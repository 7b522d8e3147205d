using System.Globalization;
using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Analysis;

public enum DormancyKind { NoMeetingRecorded, NoMeetingInPeriod }

/// <summary>
/// Whether a forum was alive on a date (<see cref="State"/>: active, dormant, or not known).
/// <see cref="LastMeeting"/> is its own newest meeting certainly held by then, as precisely as
/// known; <see cref="LastMeetingOn"/> the same when known to the day. A sub-group answered from
/// its parent names it in <see cref="ActivityFromForumId"/>.
/// </summary>
public sealed record Activity(
    LivenessState State, DateOnly? LastMeetingOn, ImpreciseDate? LastMeeting, DormancyKind? Dormancy, string? Reason, string? ActivityFromForumId)
{
    public bool Active => State == LivenessState.Active;
}

/// <summary>
/// The liveness rule (<see cref="Liveness"/>, shared with the Forums service), computed and
/// never taken from the stored status, with the reason an answer gives in words. Meetings after
/// the date asked about are not known by then and do not count.
/// </summary>
public static class Dormancy
{
    public static Activity Assess(Forum forum, DateOnly asOf, int months, Func<string, Forum?> forumById)
    {
        var answer = Liveness.Of(forum, forumById, asOf, months);
        return new Activity(answer.State, answer.LastMeeting?.ExactDay, answer.LastMeeting, Kind(answer),
            Reason(forum, answer, asOf, months, forumById), answer.ParentId);
    }

    /// <summary>A forum whose start year lies after the date asked about did not exist then.</summary>
    public static bool Existed(Forum forum, DateOnly asOf) => forum.StartYear is not { } year || year <= asOf.Year;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as precisely as known, in a sentence: "on 2018-10-01", "in the spring of 2018", "before 2017-06-30 (date unknown)".</summary>
    public static string Describe(ImpreciseDate date) => date.Precision switch
    {
        DatePrecision.Day => $"on {date}",
        DatePrecision.Spring => $"in the spring of {date.Anchor.Year}",
        DatePrecision.Autumn => $"in the autumn of {date.Anchor.Year}",
        DatePrecision.Before => $"before {Iso(date.Anchor)} (date unknown)",
        _ => $"in {date}",
    };

    private static DormancyKind? Kind(LivenessAnswer answer) => answer switch
    {
        { Cause: LivenessCause.AsParent, Parent: { } parent } => Kind(parent),
        { Cause: LivenessCause.NoMeetingRecorded } => DormancyKind.NoMeetingRecorded,
        { Cause: LivenessCause.NoMeetingInPeriod } => DormancyKind.NoMeetingInPeriod,
        _ => null,
    };

    private static string? Reason(Forum forum, LivenessAnswer answer, DateOnly asOf, int months, Func<string, Forum?> forumById)
    {
        switch (answer.Cause)
        {
            case LivenessCause.MeetingInPeriod:
                return null;
            case LivenessCause.AsParent:
                // The rule found the parent through the same lookup, so it is there.
                var parent = forumById(answer.ParentId!)!;
                var parentReason = Reason(parent, answer.Parent!, asOf, months, forumById);
                return $"No meeting of its own is recorded; it works under {parent.Name}, which " + answer.State switch
                {
                    LivenessState.Active => "is active.",
                    LivenessState.Dormant => $"is dormant: {parentReason}",
                    _ => $"may or may not have been alive: {parentReason}",
                };
            case LivenessCause.MeetingPossiblyInPeriod:
                return $"The meeting held {Describe(answer.Uncertain!.Value)} may or may not fall within the {months} months before " +
                    $"{Iso(asOf)}: whether the forum was alive then is not known.";
            case LivenessCause.BeforeRecordsBegin:
                return $"The registry knows of no meeting before the one held {Describe(answer.Uncertain!.Value)}: " +
                    $"whether the forum was alive on {Iso(asOf)} is not known.";
            case LivenessCause.NoMeetingInPeriod when answer.LastMeeting is { Precision: DatePrecision.Before } earlier:
                return $"Earlier meetings were held, {Describe(earlier)}, but none is recorded in the {months} months before {Iso(asOf)}.";
            case LivenessCause.NoMeetingInPeriod:
                return $"The last recorded meeting was {Describe(answer.LastMeeting!.Value)}, more than {months} months before {Iso(asOf)}.";
            default:
                var stored = forum.Status == ForumStatus.Active ? " It is stored as active, but only a recorded meeting shows a forum is alive." : "";
                return $"No meeting has been recorded.{stored}";
        }
    }
}
