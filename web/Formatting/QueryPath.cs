using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverkan.Web.Formatting;

/// <summary>
/// The one way the app writes a path with a query, for the API and for its own links alike:
/// values escaped, absent ones (null) left out, so no caller strings <c>?</c> and <c>&amp;</c> together.
/// </summary>
public static class QueryPath
{
    /// <summary><paramref name="path"/> (which may have a query already) with the present values of <paramref name="query"/> added.</summary>
    /// <param name="path">The path, with or without a query.</param>
    /// <param name="query">Names and values; a null value leaves its name out.</param>
    public static string With(string path, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value)));

    /// <summary>The value of an <c>asOf</c> parameter: the day as the API reads it, or null for today.</summary>
    /// <param name="day">The day the registry is viewed as of, or null for today.</param>
    public static string? AsOf(DateOnly? day) => day is { } value ? Swedish.Date(value) : null;

    /// <summary>A number as a query value.</summary>
    /// <param name="number">The number.</param>
    public static string Number(int number) => number.ToString(CultureInfo.InvariantCulture);
}
