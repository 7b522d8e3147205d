using System.Text;
using Microsoft.Extensions.Options;
using Samverkan.Events;
using Samverkan.Events.Outbox;
using Samverkan.ServiceDefaults;
using Samverkan.Storage;
using Samverkan.Storage.Sqlite;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.TestSupport;

/// <summary>
/// The size of an event as the relay reads it: the announcement goes through the real outbox
/// (the API's JSON options for the data, the CloudEvent envelope) into a real SQLite store, and
/// the stored JSON is measured in UTF-8. Shared by the largest-resource tests of each service.
/// </summary>
public static class EventSize
{
    /// <summary>Room for what the relay adds on the way out: the <c>sequence</c> extension.</summary>
    public const int RelayAdditionBytes = 64;

    public static async Task<int> OutboxBytesAsync(OutgoingEvent announcement)
    {
        using var directory = new TemporaryDirectory("event-size");
        using var store = new SqliteDocumentStore(Path.Combine(directory.Path, "outbox.db"));
        var json = new JsonOptions();
        ServiceDefaultsExtensions.ConfigureApiJson(json.SerializerOptions);
        var outbox = new EventOutbox(store, new OutboxSignal(), new EventSourceOptions("/samverkan/bounds-test", "bounds-test"), Options.Create(json), TimeProvider.System);
        await outbox.CommitAsync([], [announcement]);
        var stored = await store.QueryAsync(EventOutbox.Collection, new DocumentQuery()).SingleAsync();
        return Encoding.UTF8.GetByteCount(stored.Json) + RelayAdditionBytes;
    }

    /// <summary>
    /// Makes text of a given length in UTF-16 characters that the text rule allows and that
    /// grows most in the event: between two visible characters, the character among the candidates
    /// that the outbox's JSON escapes to the most bytes per character.
    /// </summary>
    public static async Task<Func<int, string>> WorstTextAsync()
    {
        string[] candidates = ["\"", "\\", "\n", "\t", "<", "å", "\u00AD", "\u200B", "\u2028", "\uFEFF", "\U0001F600"];
        var best = candidates[0];
        var bestBytes = 0.0;
        foreach (var candidate in candidates)
        {
            var text = string.Concat(Enumerable.Repeat(candidate, 1000 / candidate.Length));
            var bytes = (double)await OutboxBytesAsync(new OutgoingEvent("bounds.probe", "probe", new { text })) / text.Length;
            if (bytes > bestBytes)
            {
                (best, bestBytes) = (candidate, bytes);
            }
        }
        // Visible at both ends, so trimming keeps every character (U+2028 is whitespace too).
        return length => "W" + string.Concat(Enumerable.Repeat(best, (length - 2) / best.Length)).PadRight(length - 2, 'W') + "W";
    }
}
