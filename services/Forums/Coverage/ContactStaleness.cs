using System.ComponentModel.DataAnnotations;

namespace Samverkan.Forums.Coverage;

/// <summary>
/// <c>Contacts:StaleAfterMonths</c>, the one setting for when a contact point is stale: the
/// Contacts service owns it (its stale-contacts list) and a reach plan flags points verified
/// longer ago than the same period. Forums binds the same key, so one value configures both.
/// </summary>
public sealed class ContactStaleness
{
    public const string Section = "Contacts";

    [Range(0, 1200, ErrorMessage = "Contacts:StaleAfterMonths must be between {1} and {2}.")]
    public int StaleAfterMonths { get; set; } = 12;
}
