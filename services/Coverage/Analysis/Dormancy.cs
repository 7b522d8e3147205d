using System.Globalization;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.Analysis;

public enum DormancyKind { NoMeetingRecorded, NoMeetingInPeriod }

/// <summary>
/// Whether a forum was alive on a date: <see cref="Active"/> when a meeting is recorded within
/// the period before it. <see cref="LastMeetingOn"/> is the newest meeting known by that date.
/// </summary>
public sealed record Activity(bool Active, DateOnly? LastMeetingOn, DormancyKind? Dormancy, string? Reason);

/// <summary>
/// The dormancy rule, computed and never taken from the stored status: a forum with no recorded
/// meeting in the <c>months</c> before the date asked about is dormant, whatever its stored
/// status says (a forum stored as active that never recorded a meeting is dormant too).
/// Meetings after the date asked about are not known by then and do not count.
/// </summary>
public static class Dormancy
{
    public static Activity Assess(Forum forum, DateOnly asOf, int months)
    {
        DateOnly? last = null;
        foreach (var meeting in forum.RecordedMeetings())
        {
            if (meeting <= asOf)
            {
                last = meeting;
            }
        }
        if (last is { } known && known >= asOf.AddMonths(-months))
        {
            return new Activity(true, known, null, null);
        }
        if (last is { } old)
        {
            return new Activity(false, old, DormancyKind.NoMeetingInPeriod,
                $"The last recorded meeting was on {Iso(old)}, more than {months} months before {Iso(asOf)}.");
        }
        var stored = forum.Status == ForumStatus.Active ? " It is stored as active, but only a recorded meeting shows a forum is alive." : "";
        return new Activity(false, null, DormancyKind.NoMeetingRecorded,
            forum.RecordedMeetings().Count == 0
                ? $"No meeting has been recorded.{stored}"
                : $"No meeting is recorded on or before {Iso(asOf)}.{stored}");
    }

    /// <summary>A forum whose start year lies after the date asked about did not exist then.</summary>
    public static bool Existed(Forum forum, DateOnly asOf) => forum.StartYear is not { } year || year <= asOf.Year;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
