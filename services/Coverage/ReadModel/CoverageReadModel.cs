using Samverkan.Contacts.Events;
using Samverkan.Events;
using Samverkan.Events.Subscribing;
using Samverkan.Forums.Events;
using Samverkan.Institutions.Events;
using Samverkan.Regions.Events;
using Samverkan.Storage;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// The read model: held in memory as one <see cref="ModelState"/> swapped on every change, and
/// kept in this service's store so a restart starts from where it stood. Changes are applied one
/// at a time. An event's effect, its producer's new position and its processed marker commit in
/// one transaction (<see cref="ProcessedEvents"/>); the state in memory follows only a commit
/// that succeeded, so memory never runs ahead of the store, and after a failed write it is read
/// back from the store, so it never stays behind either.
/// </summary>
public sealed class CoverageReadModel(ReadModelStore store, TimeProvider clock, ILogger<CoverageReadModel> logger)
{
    private const int WritesPerCommit = 1000;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly EntityTables _tables = new(store);
    private ModelState _state = ModelState.Empty;

    public ModelState Current => Volatile.Read(ref _state);

    /// <summary>Raised after every change, for waiters (tests, the rebuild loop).</summary>
    public event Action? Changed;

    public async Task LoadAsync(CancellationToken ct)
    {
        var loaded = await store.LoadAsync(clock.GetUtcNow(), ct);
        Volatile.Write(ref _state, loaded);
        logger.LogInformation("Read model loaded: {Forums} forums, {Contacts} contact points, {Producers} producers with a position",
            loaded.Forums.Count, loaded.Contacts.Count, loaded.Positions.Count);
    }

    /// <returns>False when the event had been applied before (a redelivery).</returns>
    public async Task<bool> ApplyEventAsync(string topic, CloudEvent cloudEvent, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            var state = Current;
            var position = state.PositionOf(topic);
            var sequence = cloudEvent.Sequence is { } text ? CloudEventSequence.Parse(text) : 0;
            var now = clock.GetUtcNow();
            var writes = new List<DocumentWrite>();
            var next = state;
            if (Known(topic, cloudEvent.Type) && (sequence == 0 || position.Admits(sequence)))
            {
                (next, var write) = _tables.Put(state, RecordReader.Read(topic, cloudEvent.Type, cloudEvent.Data), sequence);
                if (write is not null)
                {
                    writes.Add(write);
                }
            }
            var moved = (sequence == 0 ? position with { LastEventAt = now } : position.Applied(sequence, now)) with { StoreVersion = position.StoreVersion + 1 };
            writes.Add(Write(position, moved));
            if (!await ProcessedEvents.ApplyOnceAsync(store.Store, cloudEvent.Id, writes, ct))
            {
                return false;
            }
            Swap(next.With(positions: next.Positions.SetItem(topic, moved), changedAt: now));
            return true;
        }
        catch
        {
            await ResyncAsync();
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Replaces what the model holds of <paramref name="topic"/> with a snapshot taken at its
    /// position: every entity the snapshot has (unless an event newer than the
    /// snapshot already wrote it), and a tombstone for every entity it lacks. Written in chunks
    /// after the position is marked as rebuilding, so a crash midway means a new snapshot at the
    /// next start, never a half-applied one taken for whole.
    /// </summary>
    public async Task ApplySnapshotAsync(string topic, IAsyncEnumerable<SnapshotPart> parts, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            var state = Current;
            var before = state.PositionOf(topic);
            var rebuilding = before with { Rebuilding = true, StoreVersion = before.StoreVersion + 1 };
            await store.Store.CommitAsync([Write(before, rebuilding)], ct);
            // Applied part by part and written a thousand at a time: the snapshot never sits in memory whole.
            var writes = new List<DocumentWrite>(WritesPerCommit);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long? position = null;
            int? stale = null;
            var written = 0;
            await foreach (var part in parts.WithCancellation(ct))
            {
                position ??= part.Position;
                stale ??= part.ContactStaleAfterMonths;
                seen.UnionWith(part.Items.Select(item => item.Id));
                (state, var changed) = _tables.PutAll(state, topic, [.. part.Items.Where(item => !_tables.Holds(state, item))], position.Value);
                written += await AddAsync(writes, changed, ct);
            }
            var at = position ?? throw new InvalidOperationException($"The {topic} snapshot sent nothing.");
            var gone = _tables.Existing(state, topic).Where(e => !seen.Contains(e.Id)).Select(e => new RecordReader.Change(topic, e.Id, null)).ToList();
            (state, var removed) = _tables.PutAll(state, topic, gone, at);
            written += await AddAsync(writes, removed, ct);
            written += await FlushAsync(writes, ct);
            var now = clock.GetUtcNow();
            var done = rebuilding.Snapshotted(at, now) with
            {
                ContactStaleAfterMonths = stale ?? rebuilding.ContactStaleAfterMonths,
                StoreVersion = rebuilding.StoreVersion + 1,
            };
            await store.Store.CommitAsync([Write(rebuilding, done)], ct);
            Swap(state.With(positions: state.Positions.SetItem(topic, done), contactStaleAfterMonths: done.ContactStaleAfterMonths, changedAt: now));
            logger.LogInformation("Snapshot of {Topic} at position {Position} applied: {Items} items, {Writes} written",
                topic, at, seen.Count, written);
        }
        catch
        {
            await ResyncAsync();
            throw;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Adds the writes (none for an entity an event newer than the snapshot wrote already) and commits once a batch is full.</summary>
    private async Task<int> AddAsync(List<DocumentWrite> writes, IReadOnlyList<DocumentWrite> more, CancellationToken ct)
    {
        writes.AddRange(more);
        return writes.Count >= WritesPerCommit ? await FlushAsync(writes, ct) : 0;
    }

    private async Task<int> FlushAsync(List<DocumentWrite> writes, CancellationToken ct)
    {
        var count = writes.Count;
        if (count > 0)
        {
            await store.Store.CommitAsync(writes.ToArray(), ct);
            writes.Clear();
        }
        return count;
    }

    /// <summary>
    /// After a failure partway (the snapshot's stream broke after its first commits, or a commit
    /// whose outcome is unknown) memory may be behind the store, and every later write would then
    /// conflict on a version memory does not know: read the state back from the store. Not
    /// cancellable, since what failed may have been the cancellation itself. Called holding the writer.
    /// </summary>
    private async Task ResyncAsync()
    {
        try
        {
            var stored = await store.LoadAsync(clock.GetUtcNow(), CancellationToken.None);
            // As the next version, so the count of changes only grows.
            Swap(Current.With(stored.Regions, stored.Institutions, stored.Forums, stored.Contacts, stored.Positions, stored.ContactStaleAfterMonths));
        }
        catch (Exception e)
        {
            // The store is failing too: the next write's conflict brings the next attempt here.
            logger.LogError(e, "Reading the read model back from the store failed");
        }
    }

    private DocumentWrite Write(ProducerPosition current, ProducerPosition next) =>
        current.StoreVersion == 0 ? store.Positions.Insert(next) : store.Positions.Replace(next, current.StoreVersion);

    private void Swap(ModelState next)
    {
        Volatile.Write(ref _state, next);
        Changed?.Invoke();
    }

    /// <summary>A type added to a producer after this build is taken and ignored: its data's meaning is unknown here.</summary>
    private static bool Known(string topic, string type) => topic switch
    {
        Topics.Regions => RegionEvents.All.Contains(type),
        Topics.Institutions => InstitutionEvents.All.Contains(type),
        Topics.Forums => ForumEvents.All.Contains(type),
        Topics.Contacts => ContactEvents.All.Contains(type),
        _ => false,
    };
}
