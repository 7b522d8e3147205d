using System.ComponentModel.DataAnnotations;
using Samverkan.Text;

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

    /// <summary>The liveness rule (<see cref="Liveness"/>) on <paramref name="date"/>, a sub-group's parents looked up through <paramref name="parentById"/>.</summary>
    public LivenessAnswer On(Forum forum, DateOnly date, Func<string, Forum?> parentById) =>
        Liveness.Of(forum, parentById, date, DormantAfterMonths);

    /// <summary>Whether the forum's own meetings show it alive on <paramref name="today"/> (what a recorded meeting restores).</summary>
    public bool AliveOn(Forum forum, DateOnly today) => Liveness.Own(forum.KnownMeetings(), today, DormantAfterMonths).Active;
}
