using System.Globalization;
using Samverkan.Text;

namespace Samverkan.Http;

/// <summary>Date query parameters (<c>asOf</c> and the like): YYYY-MM-DD within <see cref="DateRange"/>.</summary>
public static class DateQuery
{
    /// <summary>
    /// The date, or null when left out or refused (then a field error is added). When
    /// <paramref name="notAfter"/> is given a later date is refused (today, for "as of").
    /// </summary>
    public static DateOnly? Parse(string field, string? value, Validation validation, DateOnly? notAfter = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            validation.Add(field, "A date, YYYY-MM-DD.");
            return null;
        }
        if (DateRange.Problem(date, notAfter) is { } problem)
        {
            validation.Add(field, problem);
            return null;
        }
        return date;
    }
}
