using System.ComponentModel.DataAnnotations;

namespace Samverkan.Forums.Model;

/// <summary>
/// Section <c>Coverage</c>, key <c>DormantAfterMonths</c> (default 12): how long a forum may go
/// without a meeting and still be alive. Forums uses it for the stored status a recorded meeting
/// restores; the Coverage service reads the same key for its computed dormancy, so one setting
/// states the rule for both.
/// </summary>
public sealed class DormancyPeriod
{
    public const string Section = "Coverage";

    [Range(1, 1200, ErrorMessage = "Coverage:DormantAfterMonths must be between {1} and {2}.")]
    public int DormantAfterMonths { get; set; } = 12;

    /// <summary>Whether the newest meeting on or before <paramref name="today"/> falls within the period before it.</summary>
    public bool AliveOn(Forum forum, DateOnly today) =>
        forum.RecordedMeetings().Where(meeting => meeting <= today).DefaultIfEmpty(DateOnly.MinValue).Max() >= today.AddMonths(-DormantAfterMonths);
}
