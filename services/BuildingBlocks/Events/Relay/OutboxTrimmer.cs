using Samverkan.Events.Outbox;
using Samverkan.Storage;

namespace Samverkan.Events.Relay;

/// <summary>
/// Removes outbox records every destination has taken. The outbox is a queue, not the history:
/// the history partners read is the change feed. Removing them also means a contact's erased
/// personal data does not outlive its delivery in the producer's outbox.
/// </summary>
internal sealed class OutboxTrimmer
{
    private const int MaxPerCommit = 500;
    private const int TrimEvery = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _trimmedTo;

    /// <summary>
    /// Removes what every destination has taken: when <paramref name="idle"/> (nothing is waiting,
    /// so the cost does not delay delivery), or once <see cref="TrimEvery"/> records have gathered.
    /// Commits through <paramref name="store"/>, the relay's store fenced by its lease.
    /// </summary>
    public async Task TrimAsync(IDocumentStore store, long? deliveredEverywhere, bool idle, CancellationToken ct)
    {
        if (deliveredEverywhere is not { } upTo || (!idle && upTo - Volatile.Read(ref _trimmedTo) < TrimEvery))
        {
            return;
        }
        // Wait rather than skip: a skipped trim would leave the newest delivered events behind
        // until the next delivery, which on an idle service may never come.
        await _gate.WaitAsync(ct);
        try
        {
            var done = await store.QueryAsync(EventOutbox.Collection, new DocumentQuery(), ct)
                .TakeWhile(record => SequenceId.Parse(record.Id) <= upTo)
                .Take(MaxPerCommit)
                .Select(record => (DocumentWrite)new DeleteDocument(EventOutbox.Collection, record.Id, record.Version))
                .ToListAsync(ct);
            if (done.Count > 0)
            {
                await store.CommitAsync(done, ct);
                Volatile.Write(ref _trimmedTo, SequenceId.Parse(done[^1].Id));
            }
        }
        catch (ConcurrencyConflictException)
        {
            // A record changed after it was read (an erasure redacted it). Nothing is lost by
            // leaving it: the relay's idle loop trims again within a polling interval, and
            // failing here would stall delivery for a back-off instead.
        }
        finally
        {
            _gate.Release();
        }
    }
}
