namespace Samverkan.Text;

public enum LivenessState { Active, Dormant, Unknown }

/// <summary>Why a forum's <see cref="LivenessState"/> on a date is what it is.</summary>
public enum LivenessCause
{
    /// <summary>Active: a meeting certainly held within the period before the date.</summary>
    MeetingInPeriod,
    /// <summary>Unknown: a meeting known only roughly may or may not fall within the period.</summary>
    MeetingPossiblyInPeriod,
    /// <summary>Unknown: the period begins before the first meeting the registry knows of, so it knows nothing about it.</summary>
    BeforeRecordsBegin,
    /// <summary>Dormant: meetings are recorded, but none within the period.</summary>
    NoMeetingInPeriod,
    /// <summary>Dormant: no meeting is recorded at all.</summary>
    NoMeetingRecorded,
    /// <summary>A sub-group with nothing of its own recorded: as its parent (<see cref="LivenessAnswer.Parent"/>).</summary>
    AsParent,
}

/// <summary>
/// A forum's liveness on a date. <see cref="LastMeeting"/> is its own newest meeting certainly
/// held by then; <see cref="Uncertain"/> the meeting that leaves the answer open; for
/// <see cref="LivenessCause.AsParent"/>, <see cref="ParentId"/> and <see cref="Parent"/> say whose answer it took.
/// </summary>
public sealed record LivenessAnswer(
    LivenessState State, LivenessCause Cause, ImpreciseDate? LastMeeting, ImpreciseDate? Uncertain, string? ParentId = null, LivenessAnswer? Parent = null)
{
    public bool Active => State == LivenessState.Active;
}

/// <summary>What the liveness rule reads of a forum, in each service's own forum model.</summary>
public interface IMeetingHistory
{
    string? ParentId { get; }

    /// <summary>Whether its stored status is dormant: something recorded about it, which a sub-group keeps over its parent's.</summary>
    bool StoredDormant { get; }

    /// <summary>Every meeting known, each as precisely as known.</summary>
    IReadOnlyList<ImpreciseDate> KnownMeetings();
}

/// <summary>
/// The dormancy rule (docs/coverage.md, "Active, dormant, or not known"), the one place both the Forums and the
/// Coverage service read it from. A forum is active on a date when a meeting was certainly held
/// within the <c>months</c> before it; dormant when meetings are recorded and none can fall in
/// that period, or when none is recorded at all; and not known when a roughly known meeting may
/// fall in the period or the period begins before the registry's first record of the forum. A
/// sub-group (a forum with a parent) with no meeting of its own by then, and not stored as
/// dormant, is as alive as its parent: the report describes working groups as working under
/// their council without dates of their own.
/// </summary>
public static class Liveness
{
    /// <summary>How far up a chain of parents the rule looks: deeper (a cycle, say) is answered from the forum's own record.</summary>
    public const int MaxDepth = 8;

    public static LivenessAnswer Of<T>(T forum, Func<string, T?> parentById, DateOnly asOf, int months)
        where T : class, IMeetingHistory => Of(forum, parentById, asOf, months, 0);

    private static LivenessAnswer Of<T>(T forum, Func<string, T?> parentById, DateOnly asOf, int months, int depth)
        where T : class, IMeetingHistory
    {
        var own = Own(forum.KnownMeetings(), asOf, months);
        if (own.Cause is not (LivenessCause.NoMeetingRecorded or LivenessCause.BeforeRecordsBegin) || forum.StoredDormant
            || depth >= MaxDepth || forum.ParentId is not { } parentId || parentById(parentId) is not { } parent)
        {
            return own;
        }
        var decided = Of(parent, parentById, asOf, months, depth + 1);
        return new LivenessAnswer(decided.State, LivenessCause.AsParent, own.LastMeeting, decided.Uncertain, parentId, decided);
    }

    /// <summary>The rule on a forum's own meetings alone.</summary>
    public static LivenessAnswer Own(IReadOnlyList<ImpreciseDate> meetings, DateOnly asOf, int months)
    {
        if (meetings.Count == 0)
        {
            return new LivenessAnswer(LivenessState.Dormant, LivenessCause.NoMeetingRecorded, null, null);
        }
        var from = asOf.AddMonths(-months);
        var last = Newest(meetings.Where(meeting => meeting.Latest <= asOf));
        if (meetings.Any(meeting => meeting.CertainlyWithin(from, asOf)))
        {
            return new LivenessAnswer(LivenessState.Active, LivenessCause.MeetingInPeriod, last, null);
        }
        var possibly = Newest(meetings.Where(meeting => meeting.PossiblyWithin(from, asOf)));
        if (possibly is not null)
        {
            return new LivenessAnswer(LivenessState.Unknown, LivenessCause.MeetingPossiblyInPeriod, last, possibly);
        }
        var first = meetings.MinBy(meeting => meeting.Earliest ?? DateOnly.MinValue);
        return first.Earliest is { } begins && begins > from
            ? new LivenessAnswer(LivenessState.Unknown, LivenessCause.BeforeRecordsBegin, last, first)
            : new LivenessAnswer(LivenessState.Dormant, LivenessCause.NoMeetingInPeriod, last, null);
    }

    private static ImpreciseDate? Newest(IEnumerable<ImpreciseDate> meetings) =>
        meetings.Select(meeting => (ImpreciseDate?)meeting).MaxBy(meeting => meeting!.Value.Latest);
}
