using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.Text;

/// <summary>How precisely a source gives a date.</summary>
public enum DatePrecision { Day, Month, Year, Spring, Autumn, Before }

/// <summary>
/// A date known only as precisely as its source gives it: a day (<c>2018-10-24</c>), a month
/// (<c>2018-04</c>), a year (<c>2018</c>), a half year (<c>2018-spring</c>, January to June;
/// <c>2018-autumn</c>, July to December: the Swedish "våren"/"hösten"), or "held earlier, date
/// unknown" (<c>before 2017-06-30</c>: some day before that one). The written form is the JSON
/// form too. <see cref="Earliest"/> and <see cref="Latest"/> are the days it may have been,
/// both included; an earliest of null means "any time before".
/// </summary>
[JsonConverter(typeof(ImpreciseDateJsonConverter))]
public readonly record struct ImpreciseDate
{
    private const string BeforePrefix = "before ";

    private ImpreciseDate(DatePrecision precision, DateOnly anchor)
    {
        Precision = precision;
        Anchor = anchor;
    }

    public DatePrecision Precision { get; }

    /// <summary>The day itself, the first day of the month, half year or year, or for <see cref="DatePrecision.Before"/> the day it was before.</summary>
    public DateOnly Anchor { get; }

    public DateOnly? Earliest => Precision == DatePrecision.Before ? null : Anchor;

    /// <summary>The day, when it is known to the day; otherwise null.</summary>
    public DateOnly? ExactDay => Precision == DatePrecision.Day ? Anchor : null;

    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => Anchor,
        DatePrecision.Month => Anchor.AddMonths(1).AddDays(-1),
        DatePrecision.Spring or DatePrecision.Autumn => Anchor.AddMonths(6).AddDays(-1),
        DatePrecision.Year => Anchor.AddYears(1).AddDays(-1),
        _ => Anchor.AddDays(-1),
    };

    public static ImpreciseDate Day(DateOnly day) => new(DatePrecision.Day, day);

    /// <summary>Whether it certainly lies within <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public bool CertainlyWithin(DateOnly from, DateOnly to) => Earliest is { } earliest && earliest >= from && Latest <= to;

    /// <summary>Whether it may lie within <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public bool PossiblyWithin(DateOnly from, DateOnly to) => (Earliest is not { } earliest || earliest <= to) && Latest >= from;

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => Iso(Anchor),
        DatePrecision.Month => Anchor.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Year => Anchor.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Spring => $"{Anchor.Year}-spring",
        DatePrecision.Autumn => $"{Anchor.Year}-autumn",
        _ => BeforePrefix + Iso(Anchor),
    };

    /// <summary>Reads the written form, or says why it cannot (the sentence a 400 gives for the field).</summary>
    public static bool TryParse(string? text, out ImpreciseDate date, [NotNullWhen(false)] out string? problem)
    {
        date = default;
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.StartsWith(BeforePrefix, StringComparison.Ordinal) && TryDay(value[BeforePrefix.Length..], out var before))
        {
            date = new ImpreciseDate(DatePrecision.Before, before);
        }
        else if (TryDay(value, out var day))
        {
            date = Day(day);
        }
        else if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            date = new ImpreciseDate(DatePrecision.Month, month);
        }
        else if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            date = new ImpreciseDate(DatePrecision.Year, new DateOnly(year, 1, 1));
        }
        else if (HalfYear(value, "-spring", 1) is { } spring)
        {
            date = new ImpreciseDate(DatePrecision.Spring, spring);
        }
        else if (HalfYear(value, "-autumn", 7) is { } autumn)
        {
            date = new ImpreciseDate(DatePrecision.Autumn, autumn);
        }
        else
        {
            problem = "A day (2018-10-24), a month (2018-04), a year (2018), a half year (2018-spring, 2018-autumn) or \"before 2017-06-30\".";
            return false;
        }
        problem = DateRange.Problem(date.Anchor);
        return problem is null;
    }

    public static ImpreciseDate Parse(string text) =>
        TryParse(text, out var date, out var problem) ? date : throw new FormatException($"\"{text}\": {problem}");

    private static bool TryDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static DateOnly? HalfYear(string value, string suffix, int firstMonth) =>
        value.Length == 4 + suffix.Length && value.EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1
            ? new DateOnly(year, firstMonth, 1)
            : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An <see cref="ImpreciseDate"/> in JSON is its written form; one that cannot be read fails as JSON (a 400 naming the field).</summary>
public sealed class ImpreciseDateJsonConverter : JsonConverter<ImpreciseDate>
{
    public override ImpreciseDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An imprecise date is written as a string, e.g. \"2018-spring\".");
        }
        return ImpreciseDate.TryParse(reader.GetString(), out var date, out var problem) ? date : throw new JsonException(problem);
    }

    public override void Write(Utf8JsonWriter writer, ImpreciseDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
