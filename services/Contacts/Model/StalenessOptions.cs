using System.ComponentModel.DataAnnotations;

namespace Samverkan.Contacts.Model;

/// <summary>
/// <c>Contacts:StaleAfterMonths</c> (default 12): a contact not verified for this long is stale,
/// the default period of <c>/api/contacts/stale</c>. The one setting for staleness on the
/// platform: Forums binds the same key for the reach plan's warnings (docs/configuration.md).
/// </summary>
public sealed class StalenessOptions
{
    public const string Section = "Contacts";

    public const int MaxMonths = 1200;

    [Range(0, MaxMonths, ErrorMessage = "Contacts:StaleAfterMonths must be between {1} and {2}.")]
    public int StaleAfterMonths { get; set; } = 12;
}
