using System.Globalization;
using System.Text;

namespace Samverkan.Text;

/// <summary>
/// Free-text matching for Swedish names: case-insensitive, but å, ä and ö are letters of their
/// own, never "o with a mark" ("ore" does not find Örebro; "örebro" does). Comparison is
/// ordinal on NFC-normalized lower case, so a decomposed "o" + diaeresis still matches "ö".
/// </summary>
public static class SearchText
{
    public static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Trim();

    public static bool Matches(string query, IEnumerable<string?> candidates)
    {
        var needle = Normalize(query);
        return needle.Length == 0 || candidates.Any(candidate =>
            candidate is not null && Normalize(candidate).Contains(needle, StringComparison.Ordinal));
    }
}
