using System.ComponentModel.DataAnnotations;

namespace Samverkan.Coverage.Analysis;

/// <summary>
/// Section <c>Coverage</c>: how long a forum may go without a recorded meeting before the date
/// asked about and still count as active (<c>Coverage:DormantAfterMonths</c>, default 12).
/// Forums reads the same key for the stored status a recorded meeting restores. When a contact
/// point is stale is Contacts' setting, sent with its snapshot.
/// </summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    [Range(1, 1200, ErrorMessage = "Coverage:DormantAfterMonths must be between {1} and {2}.")]
    public int DormantAfterMonths { get; set; } = 12;
}
