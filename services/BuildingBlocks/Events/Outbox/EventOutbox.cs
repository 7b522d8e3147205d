using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samverkan.Events.Relay;
using Samverkan.Storage;

namespace Samverkan.Events.Outbox;

/// <summary>
/// The transactional outbox: a change and the events announcing it commit in one transaction,
/// so there is never a change without its event nor an event without its change. Each event
/// takes the next number of the outbox's gap-free sequence, which the relay sends as the
/// CloudEvent's <c>sequence</c>.
/// </summary>
public sealed class EventOutbox(
    IDocumentStore store, OutboxSignal signal, EventSourceOptions source, IOptions<JsonOptions> json, TimeProvider clock)
{
    public const string Collection = "_outbox";

    /// <summary>Commits the writes and the events together; returns the writes' new versions.</summary>
    public async Task<IReadOnlyList<long>> CommitAsync(
        IReadOnlyList<DocumentWrite> writes, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        var versions = await store.CommitAsync([.. writes, .. events.Select(Append)], cancellationToken);
        signal.Pulse();
        return versions.Take(writes.Count).ToList();
    }

    public Task<IReadOnlyList<long>> CommitAsync(DocumentWrite write, OutgoingEvent announcement, CancellationToken cancellationToken = default) =>
        CommitAsync([write], [announcement], cancellationToken);

    /// <summary>The outbox write for one event, for callers that assemble their own commit (the seed).</summary>
    public AppendDocument Append(OutgoingEvent announcement)
    {
        var envelope = new CloudEvent(
            SpecVersion: "1.0",
            Id: Guid.NewGuid().ToString("N"),
            Source: source.Source,
            Type: announcement.Type,
            Subject: announcement.Subject,
            Time: clock.GetUtcNow(),
            DataContentType: "application/json",
            Data: JsonSerializer.SerializeToElement(announcement.Data, announcement.Data.GetType(), json.Value.SerializerOptions),
            PartitionKey: announcement.Subject,
            TraceParent: Activity.Current?.Id is { } id && Activity.Current.IdFormat == ActivityIdFormat.W3C ? id : null,
            Sequence: null);
        return new AppendDocument(Collection, envelope.ToJson(), [SubjectTag(announcement.Subject)]);
    }

    /// <summary>
    /// Commits an erasure of <paramref name="announcement"/>'s subject: the writes, the event, and
    /// <paramref name="redact"/> applied to the data of that subject's events still waiting in the
    /// outbox or kept as dead letters, so what was not yet delivered is never delivered, nor stays on disk. The relay may
    /// trim a waiting event between the read and the commit; then the commit is assembled again.
    /// Afterwards the store forgets the old versions, so the erased data leaves the disk too.
    /// </summary>
    public async Task<IReadOnlyList<long>> CommitErasureAsync(
        IReadOnlyList<DocumentWrite> writes, OutgoingEvent announcement, Action<JsonObject> redact, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            IReadOnlyList<DocumentWrite> redactions = [
                .. await RedactPendingAsync(announcement.Subject, redact, cancellationToken),
                .. await DeadLetters.RedactAsync(store, announcement.Subject, redact, cancellationToken)];
            try
            {
                var versions = await CommitAsync([.. writes, .. redactions], [announcement], cancellationToken);
                await store.ForgetOldVersionsAsync(cancellationToken);
                return versions;
            }
            catch (ConcurrencyConflictException e) when (e.Collection is Collection or DeadLetters.Collection && attempt < 5)
            {
                // A waiting event was delivered and trimmed (or a dead letter re-driven) meanwhile: read what is left and retry.
            }
        }
    }

    /// <summary>Rewrites the data of this subject's events still waiting in the outbox; the writes to commit with an erasure.</summary>
    public async Task<IReadOnlyList<DocumentWrite>> RedactPendingAsync(string subject, Action<JsonObject> redact, CancellationToken ct)
    {
        var writes = new List<DocumentWrite>();
        await foreach (var record in store.QueryAsync(Collection, new DocumentQuery(SubjectTag(subject)), ct))
        {
            var envelope = JsonNode.Parse(record.Json)!.AsObject();
            if (envelope["data"] is JsonObject data)
            {
                redact(data);
                writes.Add(new ReplaceDocument(Collection, record.Id, envelope.ToJsonString(CloudEvent.JsonOptions), [SubjectTag(subject)], record.Version));
            }
        }
        return writes;
    }

    private static string SubjectTag(string subject) => $"subject:{subject}";
}
