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
        var marker = new InsertDocument(Collection, eventId, JsonSerializer.Serialize(new { processedAt = DateTimeOffset.UtcNow }), []);
        try
        {
            await store.CommitAsync([marker, .. effect], cancellationToken);
            return true;
        }
        catch (DuplicateDocumentException e) when (e.Collection == Collection)
        {
            return false;
        }
    }
}
