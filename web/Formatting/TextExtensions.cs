using System.Globalization;
using Microsoft.Extensions.Localization;
using Samverkan.Text;

namespace Samverkan.Web.Formatting;

public static class TextExtensions
{
    /// <summary>An API enumeration value in Swedish (<c>ForumStatus_dormant</c> in Texts.resx), or the value itself if it is new to the app.</summary>
    public static string Value(this IStringLocalizer texts, string type, string? value)
    {
        if (value is null)
        {
            return "";
        }
        var text = texts[$"{type}_{value}"];
        return text.ResourceNotFound ? value : text.Value;
    }

    public static string Format(this IStringLocalizer texts, string key, params object?[] arguments) =>
        string.Format(Swedish.Culture, texts[key].Value, arguments);

    /// <summary>
    /// A date as precisely as the registry knows it, in running text: "24 oktober 2018",
    /// "april 2018", "2018", "våren 2018", "hösten 2018", "före 30 juni 2017 (datum okänt)".
    /// </summary>
    public static string LongDate(this IStringLocalizer texts, ImpreciseDate? date) => date switch
    {
        null => "",
        { Precision: DatePrecision.Day } day => Swedish.LongDate(day.Anchor),
        { Precision: DatePrecision.Month } month => month.Anchor.ToString("MMMM yyyy", Swedish.Culture),
        { Precision: DatePrecision.Year } year => year.Anchor.Year.ToString(CultureInfo.InvariantCulture),
        { Precision: DatePrecision.Spring } spring => texts.Format("Date_Spring", spring.Anchor.Year),
        { Precision: DatePrecision.Autumn } autumn => texts.Format("Date_Autumn", autumn.Anchor.Year),
        { } before => texts.Format("Date_Before", Swedish.LongDate(before.Anchor)),
    };
}
