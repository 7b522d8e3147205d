using System.Globalization;
using System.Text;

namespace Samverkan.Text;

/// <summary>Readable ids for new entries: "Region Östergötland" becomes "region-ostergotland".</summary>
public static class Slug
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLower(CultureInfo.InvariantCulture))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "entry" : slug[..Math.Min(slug.Length, 60)].TrimEnd('-');
    }

    /// <summary>The slug with a short random suffix, for when the plain slug is taken.</summary>
    public static string WithSuffix(string text) => $"{From(text)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..3])}";
}
