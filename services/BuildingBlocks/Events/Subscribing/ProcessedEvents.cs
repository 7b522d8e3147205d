using System.Text.Json;
using Samverkan.Storage;

namespace Samverkan.Events.Subscribing;

/// <summary>
/// Idempotent handling: a subscriber's effect and the event's id commit in one transaction, so
/// an event delivered twice (at-least-once delivery) has its effect once.
/// </summary>
public static class ProcessedEvents
{
    public const string Collection = "_processed";

    /// <returns>False when the event had already been processed; nothing is written then.</returns>
    public static async Task<bool> ApplyOnceAsync(
        IDocumentStore store, string eventId, IReadOnlyList<DocumentWrite> effect, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CommitAsync([Marker(eventId), .. effect], cancellationToken);
            return true;
        }
        catch (DuplicateDocumentException e) when (e.Collection == Collection)
        {
            return false;
        }
    }

    /// <summary>
    /// Many events' effects in one transaction, for a subscriber that takes a bulk at once. When
    /// one of them was processed before (a redelivery, rare), the transaction is refused as a
    /// whole and each goes on its own instead, in order.
    /// </summary>
    /// <returns>For each event, whether it was applied now (false: processed before).</returns>
    public static async Task<bool[]> ApplyAllOnceAsync(
        IDocumentStore store, IReadOnlyList<(string EventId, IReadOnlyList<DocumentWrite> Effect)> events, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CommitAsync([.. events.SelectMany(e => (IEnumerable<DocumentWrite>)[Marker(e.EventId), .. e.Effect])], cancellationToken);
            return [.. events.Select(_ => true)];
        }
        catch (DuplicateDocumentException e) when (e.Collection == Collection)
        {
            var applied = new bool[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                applied[i] = await ApplyOnceAsync(store, events[i].EventId, events[i].Effect, cancellationToken);
            }
            return applied;
        }
    }

    /// <summary>The record that the event was processed: inserting it twice is what refuses a redelivery.</summary>
    private static InsertDocument Marker(string eventId) =>
        new(Collection, eventId, JsonSerializer.Serialize(new { processedAt = DateTimeOffset.UtcNow }), []);
}
