using System.Globalization;
using System.Text.Json;
using Samverkan.Http;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// Positions in the change feed: 1, 2, 3, ... with no gaps; 0 is "before the first event".
/// On the wire a cursor is the position as a decimal string, valid for as long as the feed is kept.
/// </summary>
public static class FeedPosition
{
    public const string Beginning = "beginning";

    public static string Format(long position) => position.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cursor from a query string or header; absent means the beginning.</summary>
    public static long ParseCursor(string? text, string field, Validation validation)
    {
        if (string.IsNullOrEmpty(text) || text == Beginning)
        {
            return 0;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }
        validation.Add(field, "A position from the change feed (a whole number, 0 or more) or 'beginning'.");
        return 0;
    }

    /// <summary>A position in a JSON body: a whole number, its decimal string, or "beginning"; null when absent.</summary>
    public static long? ParseJson(JsonElement? value, string field, Validation validation)
    {
        switch (value)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var position) && position >= 0:
                return position;
            case { ValueKind: JsonValueKind.String } text:
                return ParseCursor(TextOf(text) is { Length: > 0 } s ? s : "?", field, validation);
            default:
                validation.Add(field, "A position from the change feed (a whole number, 0 or more) or 'beginning'.");
                return null;
        }
    }

    /// <summary>
    /// The string's text, or null when it has none: the reader keeps a JSON string's bytes as
    /// sent, and a lone surrogate escape or bytes that are not UTF-8 only fail when decoded,
    /// with an exception that is the client's fault, not the server's.
    /// </summary>
    private static string? TextOf(JsonElement text)
    {
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
