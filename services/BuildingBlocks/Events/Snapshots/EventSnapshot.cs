using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Samverkan.Events.Outbox;
using Samverkan.Storage;

namespace Samverkan.Events.Snapshots;

/// <summary>
/// The producer's half of a consumer's rebuild: its resources as their events would carry them
/// now, with the sequence the snapshot is taken at. The position is read <em>before</em> the
/// resources, so every change the snapshot may miss has a larger sequence and is still delivered
/// as an event; a change the snapshot already shows may also come again as an event, which an
/// idempotent consumer applies harmlessly (docs/coverage.md, "Rebuild").
/// </summary>
public static class EventSnapshot
{
    /// <summary>Resources per streamed message at most.</summary>
    public const int ChunkSize = 500;

    /// <summary>
    /// JSON per streamed message at most (UTF-8), a quarter of gRPC's 4 MB default for a received
    /// message: a region grows with its members (at 1,000 times the seed six regions were 8 MB,
    /// and the whole Regions snapshot was refused), so a count alone does not bound a message.
    /// One resource above it is sent alone.
    /// </summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>
    /// The last sequence the outbox has assigned: the newest record still waiting, or else the
    /// furthest any destination has taken (delivered records are trimmed, their cursors stay).
    /// </summary>
    public static async Task<long> PositionAsync(IDocumentStore store, CancellationToken ct)
    {
        var last = 0L;
        await foreach (var record in store.QueryAsync(EventOutbox.Collection, new DocumentQuery(), ct))
        {
            last = SequenceId.Parse(record.Id);
        }
        await foreach (var cursor in store.QueryAsync(Relay.RelayCursor.Collection, new DocumentQuery(), ct))
        {
            last = Math.Max(last, JsonSerializer.Deserialize<Relay.RelayCursor>(cursor.Json, StorageJson.Options)?.Delivered ?? 0);
        }
        return last;
    }

    /// <summary>
    /// The resources as event data JSON (<paramref name="json"/>: the options the outbox serializes
    /// with), <see cref="ChunkSize"/> at a time or fewer where they would pass <see cref="ChunkBytes"/>.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> ChunksAsync<T>(
        IAsyncEnumerable<T> resources, Func<T, object?> toData, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var chunk = new List<string>(ChunkSize);
        var bytes = 0;
        await foreach (var resource in resources.WithCancellation(ct))
        {
            if (toData(resource) is not { } data)
            {
                continue;
            }
            var item = JsonSerializer.Serialize(data, data.GetType(), json);
            var size = Encoding.UTF8.GetByteCount(item);
            if (chunk.Count > 0 && bytes + size > ChunkBytes)
            {
                yield return chunk;
                (chunk, bytes) = (new List<string>(ChunkSize), 0);
            }
            chunk.Add(item);
            bytes += size;
            if (chunk.Count == ChunkSize)
            {
                yield return chunk;
                (chunk, bytes) = (new List<string>(ChunkSize), 0);
            }
        }
        yield return chunk;
    }
}
