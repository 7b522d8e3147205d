using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverkan.Http;

/// <summary>One page of a list: the items and, when more may follow, the cursor to pass as <c>cursor</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Cursor paging in id order. The cursor is the last id seen, opaque to callers.</summary>
public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    // A cursor is always the UTF-8 of an id: bytes that are not UTF-8 were never handed out.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Validates the query's limit and cursor, adding field errors; returns the id to continue after.</summary>
    public static (string? AfterId, int Limit) Parse(string? cursor, int? limit, Validation validation)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            validation.Add("limit", $"Between 1 and {MaxLimit}.");
        }
        string? afterId = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            try
            {
                afterId = StrictUtf8.GetString(WebEncoders.Base64UrlDecode(cursor));
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException)
            {
                validation.Add("cursor", "Not a cursor returned by this list.");
            }
        }
        return (afterId, take);
    }

    /// <summary>Takes up to <paramref name="limit"/> items from an id-ordered stream.</summary>
    public static async Task<Page<T>> TakeAsync<T>(IAsyncEnumerable<T> source, int limit, Func<T, string> idOf, CancellationToken ct)
    {
        var items = new List<T>(Math.Min(limit, DefaultLimit));
        await foreach (var item in source.WithCancellation(ct))
        {
            if (items.Count == limit)
            {
                return new Page<T>(items, WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(idOf(items[^1]))));
            }
            items.Add(item);
        }
        return new Page<T>(items, null);
    }
}
