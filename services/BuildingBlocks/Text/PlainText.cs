using System.Globalization;

namespace Samverkan.Text;

/// <summary>
/// The one rule for text the registry stores: any Unicode text, including tabs and line breaks,
/// but no other control character (NUL above all) and no unpaired surrogate, since those break
/// the CSV and HTML exports, JSON encoders and log lines downstream. A value that must be given
/// has to contain a visible character: whitespace, control and zero-width (format) characters
/// alone are empty.
/// </summary>
public static class PlainText
{
    /// <summary>The index of the first character the rule refuses, or -1 when the text is allowed.</summary>
    public static int FirstForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whether the text has a character a reader can see: not whitespace, control or a zero-width format character.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return true;
            }
        }
        return false;
    }
}
