namespace Samverkan.Institutions.Model;

/// <summary>
/// The largest institution the registry accepts, checked on every write and listed in
/// docs/api.md. The history is bounded as well as each request: every rename adds a name and a
/// lifecycle entry, every merger, planned merger and retirement a lifecycle entry, so a change
/// that would pass <see cref="MaxNames"/> or <see cref="MaxLifecycleEntries"/> is refused and
/// repeated writes cannot grow one institution without limit. The largest valid institution's
/// event stays under 1 MiB, a quarter of <c>EventLimits.MaxEventBytes</c>
/// (tests/Institutions.Tests/LargestInstitutionEventTests). Lengths count UTF-16 characters.
/// </summary>
public static class InstitutionBounds
{
    /// <summary>The current name and former ones; the oldest institutions of the mapping have had two.</summary>
    public const int MaxNames = 50;

    /// <summary>Renames, mergers, planned mergers (dropped or not) and closure together.</summary>
    public const int MaxLifecycleEntries = 100;

    /// <summary>Institutions named in one planned merger: every county council of a region, and more.</summary>
    public const int MaxRelatedInstitutions = 30;

    /// <summary>Variant spellings and short forms: a handful in practice.</summary>
    public const int MaxOtherNames = 20;

    public const int IdLength = 100;
    public const int NameLength = 200;
    public const int AbbreviationLength = 30;
    public const int WebsiteLength = 300;

    /// <summary>The note of a merger or planned merger.</summary>
    public const int NoteLength = 500;
}
