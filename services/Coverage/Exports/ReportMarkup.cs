using System.Text.Encodings.Web;
using System.Text.Unicode;
using Samverkan.Coverage.Analysis;

namespace Samverkan.Coverage.Exports;

/// <summary>The report's markup pieces: every piece of data goes through <see cref="H"/>, lists through <see cref="List"/>.</summary>
internal static class ReportMarkup
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string H(string value) => Encoder.Encode(value);

    public static string List(IEnumerable<string> items)
    {
        var encoded = items.Select(item => $"<li>{H(item)}</li>").ToList();
        return encoded.Count == 0 ? "<span class=\"none\">—</span>" : $"<ul>{string.Concat(encoded)}</ul>";
    }

    public static string Iso(DateOnly date) => Dormancy.Iso(date);
}
