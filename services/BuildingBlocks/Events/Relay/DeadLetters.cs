using System.Text.Json;
using Samverkan.Storage;

namespace Samverkan.Events.Relay;

/// <summary>
/// Events a subscriber refused for good (it answered DROP), kept with where and when, so
/// nothing disappears silently. With Dapr the broker's dead-letter topic plays this part.
/// </summary>
internal static class DeadLetters
{
    public const string Collection = "_deadletters";

    public static Task RecordAsync(IDocumentStore store, string destination, long sequence, string eventJson, TimeProvider clock, CancellationToken ct) =>
        store.CommitAsync([new AppendDocument(Collection, JsonSerializer.Serialize(new
        {
            destination,
            sequence,
            droppedAt = clock.GetUtcNow(),
            cloudEvent = JsonDocument.Parse(eventJson).RootElement,
        }), [$"destination:{destination}"])], ct);
}
