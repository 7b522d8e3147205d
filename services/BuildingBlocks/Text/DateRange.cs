using System.Globalization;

namespace Samverkan.Text;

/// <summary>
/// The one range of dates the registry accepts, in request bodies and in query parameters alike:
/// 1900-01-01 to 2100-12-31. Nothing the registry records is older (the oldest forum dates from
/// the 1990s) and planned dates stay within the century, while date arithmetic on them (months
/// back from a date, dormancy periods) never leaves what .NET can represent.
/// </summary>
public static class DateRange
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <summary>
    /// Why <paramref name="date"/> is refused, or null when it is accepted. Give
    /// <paramref name="notAfter"/> (today) where a later date makes no sense: a meeting held, "as of".
    /// </summary>
    public static string? Problem(DateOnly date, DateOnly? notAfter = null)
    {
        if (date < Earliest || date > Latest)
        {
            return "A date from 1900-01-01 to 2100-12-31.";
        }
        return date > notAfter ? $"Not after {notAfter.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: not in the future." : null;
    }

    /// <summary>
    /// Whether a period with inclusive ends covers <paramref name="date"/>; an open end (null)
    /// means "since always" or "still": the one reading of from/to for members, participants and contacts.
    /// </summary>
    /// <param name="from">The first day of the period, or null.</param>
    /// <param name="to">The last day of the period, or null.</param>
    /// <param name="date">The day asked about.</param>
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly date) =>
        (from is not { } first || first <= date) && (to is not { } last || last >= date);
}
