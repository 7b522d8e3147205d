using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.Events.Outbox;
using Samverkan.Events.Transports;
using Samverkan.Storage;

namespace Samverkan.Events.Relay;

/// <summary>
/// Events a destination refused for good, kept with where, when and why, until an operator
/// re-drives or discards them: a refusal never blocks later events, and never goes unseen
/// (/health is Unhealthy while any is kept). With Dapr the broker's dead-letter topic plays
/// this part for subscribers; these are the refusals the relay itself was told.
/// </summary>
public sealed class DeadLetters(IDocumentStore store, IEventTransport transport, EventSourceOptions source, RelayState state, TimeProvider clock)
{
    public const string Collection = "_deadletters";

    /// <summary>
    /// Keeps a refused event, committed through <paramref name="through"/> (the relay's store fenced by its lease); a second
    /// refusal of the same event (a redelivery after a crash or a take-over) keeps the first record.
    /// </summary>
    internal async Task RecordAsync(IDocumentStore through, string destination, long sequence, CloudEvent cloudEvent, string json, string? reason, CancellationToken ct)
    {
        var letter = new DeadLetter(IdOf(destination, sequence), destination, sequence, cloudEvent.Id, cloudEvent.Type, cloudEvent.Subject,
            reason ?? "refused", clock.GetUtcNow(), 1, JsonNode.Parse(json)!.AsObject());
        try
        {
            await through.CommitAsync([new InsertDocument(Collection, letter.Id, Serialize(letter), Tags(letter))], ct);
        }
        catch (DuplicateDocumentException)
        {
            return;
        }
        state.For(destination).DeadLetters++;
    }

    /// <summary>Up to <paramref name="limit"/> kept events after the id <paramref name="after"/>, oldest refusal first per destination.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? after, int limit, CancellationToken ct) =>
        await store.QueryAsync(Collection, new DocumentQuery(AfterId: after), ct).Take(limit).Select(Read).ToListAsync(ct);

    /// <summary>How many are kept per destination; refreshes what metrics report.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(CancellationToken ct)
    {
        var counts = await store.QueryAsync(Collection, new DocumentQuery(), ct)
            .Select(Read).GroupBy(letter => letter.Destination).ToDictionaryAsync(g => g.Key, g => g.Count(), StringComparer.Ordinal, ct);
        foreach (var destination in state.Destinations)
        {
            destination.DeadLetters = counts.GetValueOrDefault(destination.Name);
        }
        return counts;
    }

    /// <summary>
    /// Hands the kept event to its destination again. Taken: the record is removed. Refused or not
    /// taken: the record stays, with the attempt and the new reason. Null when there is no such record.
    /// </summary>
    public async Task<DeliveryResult?> RedriveAsync(string id, CancellationToken ct)
    {
        var stored = await store.FindAsync(Collection, id, ct);
        if (stored is null)
        {
            return null;
        }
        var letter = Read(stored);
        var destination = transport.DestinationsFor(source.Topic).FirstOrDefault(d => d.Name == letter.Destination);
        if (destination is null)
        {
            return DeliveryResult.Refused($"{letter.Destination} is no longer a destination of {source.Topic}");
        }
        var json = letter.CloudEvent.ToJsonString(CloudEvent.JsonOptions);
        var result = (await destination.DeliverAsync(source.Topic, [OutgoingDelivery.From(json)], ct))[0];
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            await DiscardAsync(stored, ct);
        }
        else
        {
            var retried = letter with { Attempts = letter.Attempts + 1, Reason = result.Reason ?? letter.Reason, LastAttemptAt = clock.GetUtcNow() };
            await store.CommitAsync([new ReplaceDocument(Collection, id, Serialize(retried), Tags(retried), stored.Version)], ct);
        }
        return result;
    }

    /// <summary>Removes the record: the operator decided the destination never gets this event. False when there is no such record.</summary>
    public async Task<bool> DiscardAsync(string id, CancellationToken ct)
    {
        var stored = await store.FindAsync(Collection, id, ct);
        if (stored is null)
        {
            return false;
        }
        await DiscardAsync(stored, ct);
        return true;
    }

    /// <summary>
    /// The writes that apply <paramref name="redact"/> to the kept events of one subject, for an
    /// erasure: personal data does not outlive the erasure in a dead letter either.
    /// </summary>
    internal static async Task<IReadOnlyList<DocumentWrite>> RedactAsync(IDocumentStore store, string subject, Action<JsonObject> redact, CancellationToken ct)
    {
        var writes = new List<DocumentWrite>();
        await foreach (var stored in store.QueryAsync(Collection, new DocumentQuery(SubjectTag(subject)), ct))
        {
            var letter = Read(stored);
            if (letter.CloudEvent["data"] is JsonObject data)
            {
                redact(data);
                writes.Add(new ReplaceDocument(Collection, stored.Id, Serialize(letter), Tags(letter), stored.Version));
            }
        }
        return writes;
    }

    private async Task DiscardAsync(StoredDocument stored, CancellationToken ct)
    {
        await store.CommitAsync([new DeleteDocument(Collection, stored.Id, stored.Version)], ct);
        await CountAsync(ct);
    }

    /// <summary>One record per destination and event, so a redelivery refused again is not kept twice.</summary>
    private static string IdOf(string destination, long sequence) =>
        $"{destination}:{sequence.ToString(CultureInfo.InvariantCulture)}";

    private static string SubjectTag(string subject) => $"subject:{subject}";

    private static string[] Tags(DeadLetter letter) => [$"destination:{letter.Destination}", SubjectTag(letter.Subject)];

    private static string Serialize(DeadLetter letter) => JsonSerializer.Serialize(letter, StorageJson.Options);

    private static DeadLetter Read(StoredDocument stored) =>
        JsonSerializer.Deserialize<DeadLetter>(stored.Json, StorageJson.Options) ?? throw new InvalidDataException($"Dead letter {stored.Id} holds null.");
}

/// <summary>An event a destination refused for good, as kept and as an operator sees it.</summary>
public sealed record DeadLetter(
    string Id,
    string Destination,
    long Sequence,
    string EventId,
    string Type,
    string Subject,
    string Reason,
    DateTimeOffset DeadLetteredAt,
    int Attempts,
    JsonObject CloudEvent,
    DateTimeOffset? LastAttemptAt = null);
