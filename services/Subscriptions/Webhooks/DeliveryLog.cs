using System.Text.Json;
using Samverkan.Storage;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// The per-subscription delivery log: one entry per event handed to an endpoint, with every
/// attempt (time, status code or error, latency). Entries are appended in time order under a
/// gap-free number and tagged with the subscription, so a subscription's log lists in order.
/// </summary>
public sealed class DeliveryLog(IDocumentStore store)
{
    public const string Collection = "deliveries";
    private const int TrimBatch = 500;

    public static string Tag(string subscriptionId) => $"subscription:{subscriptionId}";

    /// <summary>Adds the attempt to the entry <paramref name="logId"/>, or starts an entry when there is none; returns the entry's id.</summary>
    public async Task<string> RecordAsync(string? logId, DeliveryRecord started, AttemptResult attempt, DeliveryStatus status, CancellationToken ct)
    {
        var stored = logId is null ? null : await store.FindAsync(Collection, logId, ct);
        if (stored is null)
        {
            var record = started with { Status = status, Attempts = [attempt.ToAttempt()] };
            var numbers = await store.CommitAsync([new AppendDocument(Collection, Serialize(record), [Tag(record.SubscriptionId)])], ct);
            return SequenceId.Format(numbers[0]);
        }
        var current = Deserialize(stored);
        var updated = current with { Status = status, Attempts = [.. current.Attempts, attempt.ToAttempt()] };
        await store.CommitAsync([Replace(stored.Id, updated, stored.Version)], ct);
        return stored.Id;
    }

    /// <summary>Marks an entry that is still retrying as left behind (a replay moved the cursor); best effort.</summary>
    public async Task SupersedeAsync(string logId, CancellationToken ct)
    {
        if (await store.FindAsync(Collection, logId, ct) is { } stored && Deserialize(stored) is { Status: DeliveryStatus.Retrying } record)
        {
            try
            {
                await store.CommitAsync([Replace(stored.Id, record with { Status = DeliveryStatus.Superseded }, stored.Version)], ct);
            }
            catch (ConcurrencyConflictException)
            {
                // The worker recorded an attempt meanwhile; the entry tells what happened either way.
            }
        }
    }

    public async IAsyncEnumerable<(string Id, DeliveryRecord Record)> ListAsync(
        string subscriptionId, string? afterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var stored in store.QueryAsync(Collection, new DocumentQuery(Tag(subscriptionId), afterId), ct))
        {
            yield return (stored.Id, Deserialize(stored));
        }
    }

    /// <summary>Removes the oldest finished entries whose last attempt is before <paramref name="cutoff"/>.</summary>
    public async Task TrimAsync(string subscriptionId, DateTimeOffset cutoff, CancellationToken ct)
    {
        var old = await store.QueryAsync(Collection, new DocumentQuery(Tag(subscriptionId)), ct)
            .Take(TrimBatch)
            .Where(stored => Deserialize(stored) is var record && record.Status != DeliveryStatus.Retrying
                && record.Attempts.Count > 0 && record.Attempts[^1].At < cutoff)
            .Select(stored => (DocumentWrite)new DeleteDocument(Collection, stored.Id, stored.Version))
            .ToListAsync(ct);
        if (old.Count > 0)
        {
            await store.CommitAsync(old, ct);
        }
    }

    /// <summary>Removes a deleted subscription's whole log, in batches.</summary>
    public async Task DeleteAllAsync(string subscriptionId, CancellationToken ct)
    {
        while (true)
        {
            var batch = await store.QueryAsync(Collection, new DocumentQuery(Tag(subscriptionId)), ct)
                .Take(TrimBatch)
                .Select(stored => (DocumentWrite)new DeleteDocument(Collection, stored.Id, stored.Version))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            await store.CommitAsync(batch, ct);
        }
    }

    private static ReplaceDocument Replace(string id, DeliveryRecord record, long version) =>
        new(Collection, id, Serialize(record), [Tag(record.SubscriptionId)], version);

    private static string Serialize(DeliveryRecord record) => JsonSerializer.Serialize(record, StorageJson.Options);

    private static DeliveryRecord Deserialize(StoredDocument stored) =>
        JsonSerializer.Deserialize<DeliveryRecord>(stored.Json, StorageJson.Options)
        ?? throw new InvalidDataException($"Delivery log entry {stored.Id} holds null.");
}
