using System.Text;

namespace Samverkan.Coverage.Tests;

/// <summary>An RFC 4180 reader written for the tests, independent of the service's writer.</summary>
internal static class TestCsv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"A bare line break at {i}: records end with CRLF.");
                default:
                    field.Append(c);
                    break;
            }
        }
        Assert.True(field.Length == 0 && row.Count == 0, "The last record does not end with CRLF.");
        return rows;
    }
}
