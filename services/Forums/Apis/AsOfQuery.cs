using System.Globalization;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.ServiceDefaults.Text;

namespace Samverkan.Forums.Apis;

/// <summary>
/// The optional <c>asOf</c> query parameter of the coverage answers: a date (YYYY-MM-DD), not
/// after today; today (the Swedish date) when left out.
/// </summary>
public static class AsOfQuery
{
    public static DateOnly Parse(string? asOf, TimeProvider clock, Validation validation)
    {
        var today = SwedishDate.Today(clock);
        if (string.IsNullOrEmpty(asOf))
        {
            return today;
        }
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            validation.Add("asOf", "A date, YYYY-MM-DD.");
            return today;
        }
        if (date > today)
        {
            validation.Add("asOf", "Not after today: the registry knows nothing about the future.");
        }
        return date;
    }
}
