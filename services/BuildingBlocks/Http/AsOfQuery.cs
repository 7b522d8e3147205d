using Samverkan.Text;

namespace Samverkan.Http;

/// <summary>
/// The optional <c>asOf</c> query parameter of answers that can look back (a region's members,
/// coverage, the exports): a date (YYYY-MM-DD) in the registry's one range
/// (<see cref="DateRange"/>), not after today; today (the Swedish date) when left out.
/// </summary>
public static class AsOfQuery
{
    public static DateOnly Parse(string? asOf, TimeProvider clock, Validation validation)
    {
        var today = SwedishDate.Today(clock);
        return DateQuery.Parse("asOf", asOf, validation, notAfter: today) ?? today;
    }
}
