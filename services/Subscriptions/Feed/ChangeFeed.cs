using Samverkan.Events;
using Samverkan.Events.Subscribing;
using Samverkan.Http;
using Samverkan.Storage;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// The global change feed: every event of every producer, in the order this service took them.
/// An event's position is the number of its append (gap-free, assigned in the commit), and the
/// append commits together with the event's processed marker, so an event delivered twice is
/// stored once. The feed is history and is never trimmed: cursors stay valid.
/// </summary>
public sealed class ChangeFeed(IDocumentStore store, FeedSignal signal, FeedTelemetry telemetry, TimeProvider clock)
{
    public const string Collection = "changes";
    public const int DefaultScanLimit = 10_000;
    private long _knownEnd;

    /// <returns>False when the event was already in the feed (a redelivery); nothing is written then.</returns>
    public async Task<bool> AppendAsync(CloudEvent cloudEvent, CancellationToken ct)
    {
        var redactions = await PersonalDataErasure.RedactionsAsync(store, cloudEvent, ct);
        var appended = await ProcessedEvents.ApplyOnceAsync(store, cloudEvent.Id, [.. redactions, Append(cloudEvent)], ct);
        if (appended && redactions.Count > 0)
        {
            await store.ForgetOldVersionsAsync(ct);
        }
        if (appended)
        {
            telemetry.Appended(cloudEvent, clock.GetUtcNow());
            signal.Pulse();
        }
        return appended;
    }

    /// <summary>
    /// A bulk of events in the order given, each run between erasures in one transaction. An
    /// erasure goes on its own: it redacts what the feed holds of its contact, so every event
    /// before it must have committed first.
    /// </summary>
    public async Task AppendAllAsync(IReadOnlyList<CloudEvent> events, CancellationToken ct)
    {
        var run = new List<CloudEvent>();
        foreach (var cloudEvent in events)
        {
            if (!PersonalDataErasure.Redacts(cloudEvent))
            {
                run.Add(cloudEvent);
                continue;
            }
            await AppendRunAsync(run, ct);
            run.Clear();
            await AppendAsync(cloudEvent, ct);
        }
        await AppendRunAsync(run, ct);
    }

    private async Task AppendRunAsync(IReadOnlyList<CloudEvent> run, CancellationToken ct)
    {
        if (run.Count == 0)
        {
            return;
        }
        var applied = await ProcessedEvents.ApplyAllOnceAsync(store, [.. run.Select(e => (e.Id, (IReadOnlyList<DocumentWrite>)[Append(e)]))], ct);
        var now = clock.GetUtcNow();
        foreach (var (cloudEvent, _) in run.Zip(applied).Where(pair => pair.Second))
        {
            telemetry.Appended(cloudEvent, now);
        }
        if (applied.Any(a => a))
        {
            signal.Pulse();
        }
    }

    private static AppendDocument Append(CloudEvent cloudEvent) =>
        new(Collection, cloudEvent.ToJson(), [PersonalDataErasure.SubjectTag(cloudEvent.Source, cloudEvent.Subject)]);

    /// <summary>
    /// Up to <paramref name="limit"/> entries after <paramref name="after"/> that match, looking
    /// at no more than <paramref name="scanLimit"/> entries. Reading stops at the first position
    /// not yet visible, so a reader never steps over an event that is still being committed.
    /// </summary>
    public async Task<FeedPage> ReadAsync(long after, int limit, TypeFilter filter, CancellationToken ct, int scanLimit = DefaultScanLimit)
    {
        var entries = new List<FeedEntry>();
        var position = after;
        await foreach (var stored in store.QueryAsync(Collection, new DocumentQuery(AfterId: SequenceId.Format(after)), ct))
        {
            if (SequenceId.Parse(stored.Id) != position + 1)
            {
                break;
            }
            var entry = FeedEntry.From(stored);
            position = entry.Position;
            if (filter.Matches(entry.Type))
            {
                entries.Add(entry);
            }
            if (entries.Count == limit || position - after >= scanLimit)
            {
                break;
            }
        }
        return new FeedPage(entries, position);
    }

    /// <summary>
    /// The last position (0 for an empty feed). Positions have no gaps, so the end is found by
    /// looking up single positions (doubling, then halving) from the last end known here.
    /// </summary>
    public async Task<long> EndAsync(CancellationToken ct)
    {
        var low = Interlocked.Read(ref _knownEnd);
        var step = 1L;
        while (await ExistsAsync(low + step, ct))
        {
            low += step;
            step *= 2;
        }
        var high = low + step;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (await ExistsAsync(middle, ct))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        InterlockedMax(ref _knownEnd, low);
        return low;
    }

    /// <summary>
    /// The one rule for a cursor a reader sends (paged read, stream, subscription start): it may
    /// not lie beyond the end of the feed. No cursor this feed gave out does, and waiting on one
    /// would silently skip every event up to it.
    /// </summary>
    public async Task CheckCursorAsync(long after, string field, Validation validation, CancellationToken ct)
    {
        if (after > 0 && await EndAsync(ct) is var end && end < after)
        {
            validation.Add(field, $"Beyond the end of the feed ({end}).");
        }
    }

    /// <summary>The cursor just before the first event written at or after <paramref name="since"/>: a scan, since replays are rare.</summary>
    public async Task<long> PositionBeforeAsync(DateTimeOffset since, CancellationToken ct)
    {
        var position = 0L;
        await foreach (var stored in store.QueryAsync(Collection, new DocumentQuery(), ct))
        {
            var entry = FeedEntry.From(stored);
            if (entry.Time >= since)
            {
                return entry.Position - 1;
            }
            position = entry.Position;
        }
        return position;
    }

    private async Task<bool> ExistsAsync(long position, CancellationToken ct) =>
        position > 0 && await store.FindAsync(Collection, SequenceId.Format(position), ct) is not null;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Interlocked.Read(ref target);
        }
    }
}
