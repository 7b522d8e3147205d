using System.Text;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a
/// quote, CR or LF, quotes doubled inside. A field that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or CR) gets a leading apostrophe, so opening an export never
/// executes data someone typed into the registry.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder text = new();

    public Csv Row(params IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            text.Append(Field(field ?? ""));
        }
        text.Append("\r\n");
        return this;
    }

    /// <summary>UTF-8 with a byte order mark: Excel then reads å, ä and ö correctly.</summary>
    public byte[] ToUtf8WithBom() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

    public override string ToString() => text.ToString();

    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
