using System.Globalization;
using Samverkan.Text;

namespace Samverkan.Web.Formatting;

/// <summary>
/// The one place for how the app writes dates and orders names: Swedish (sv-SE). Dates in
/// tables and fields as 2018-10-24, in running text as 24 oktober 2018; names in Swedish
/// alphabetical order, å, ä and ö after z.
/// </summary>
public static class Swedish
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static readonly StringComparer Order = StringComparer.Create(Culture, CompareOptions.IgnoreCase);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "";

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string LongDate(DateOnly? date) => date is { } value ? LongDate(value) : "";

    /// <summary>A moment as Swedish clocks showed it: 2018-10-24 kl. 14:05.</summary>
    public static string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Stockholm).ToString("yyyy-MM-dd 'kl.' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The first moment of the day in Sweden.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Stockholm.GetUtcOffset(midnight));
    }

    public static IEnumerable<T> InSwedishOrder<T>(this IEnumerable<T> items, Func<T, string> name) => items.OrderBy(name, Order);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Today's date in Sweden, as the API reckons it (<see cref="SwedishDate"/>).</summary>
    public static DateOnly Today => SwedishDate.Today(TimeProvider.System);

    /// <summary>
    /// A page's "as of" date from its address: a past date (or today), otherwise null, so the page
    /// shows the registry as it stands; the API refuses dates in the future, the form offers none.
    /// </summary>
    public static DateOnly? ParseAsOf(string? text) => ParseDate(text) is { } date && date <= Today ? date : null;
}
