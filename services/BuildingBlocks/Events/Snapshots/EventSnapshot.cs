using System.Runtime.CompilerServices;
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
    /// <summary>Resources per streamed message: a few hundred keeps every message far below gRPC's 4 MB default.</summary>
    public const int ChunkSize = 500;

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

    /// <summary>The resources as event data JSON (<paramref name="json"/>: the options the outbox serializes with), <see cref="ChunkSize"/> at a time.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> ChunksAsync<T>(
        IAsyncEnumerable<T> resources, Func<T, object?> toData, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var chunk = new List<string>(ChunkSize);
        await foreach (var resource in resources.WithCancellation(ct))
        {
            if (toData(resource) is not { } data)
            {
                continue;
            }
            chunk.Add(JsonSerializer.Serialize(data, data.GetType(), json));
            if (chunk.Count == ChunkSize)
            {
                yield return chunk;
                chunk = new List<string>(ChunkSize);
            }
        }
        yield return chunk;
    }
}
