using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit;
using Samverkan.Events;
using Samverkan.Events.Outbox;
using Samverkan.Http;
using Samverkan.Storage;

namespace Samverkan.Writes;

/// <summary>
/// Every API write of one kind of resource, holding one invariant: the change, its audit record
/// and the events announcing it commit together, against the version read, and the answer
/// carries the new version as its ETag. A write that lands in between surfaces as 409 (or 412
/// with If-Match), never as a lost update. The order of answers is fixed: 404 unknown, the
/// resource's own refusal (403, 410), 412 stale If-Match, then the change's own 400 or 409.
/// </summary>
public sealed class VersionedWrites<T>(
    DocumentCollection<T> collection, IWritableResource<T> resource, AuditTrail audit, EventOutbox? outbox = null) where T : class
{
    /// <summary>Stores a new resource under a free id made from <paramref name="idBase"/> (<see cref="FreeId"/>).</summary>
    public async Task<Versioned<T>> CreateAsync(HttpContext context, string idBase, Func<string, T> create, CancellationToken ct)
    {
        var created = await collection.CommitWithFreeIdAsync(idBase, async id =>
        {
            var stored = new Versioned<T>(create(id), 1);
            var shown = await resource.ShowAsync(stored, ct);
            await CommitAsync([collection.Insert(stored.Value), audit.Record(WriteActions.Created, resource.Kind, id, null, shown)],
                resource.Announce(WriteActions.Created, id, stored, shown), null, ct);
            return stored;
        }, ct);
        context.SetETag(created.Version);
        return created;
    }

    /// <summary>
    /// Stores <paramref name="created"/>'s value as a new resource under <paramref name="id"/>, an id
    /// of its own (random, not made from a name, so a collision is the store's conflict, never a
    /// new id); the change's <see cref="Change{T}.Showing"/> and <see cref="Change{T}.CommittedBy"/> apply.
    /// </summary>
    public async Task<Versioned<T>> InsertAsync(HttpContext context, string id, Change<T> created, CancellationToken ct)
    {
        var value = created.Value ?? throw new ArgumentException("An insert stores a value.", nameof(created));
        var stored = new Versioned<T>(value, 1);
        var shown = await resource.ShowAsync(stored, ct);
        var audited = audit.Record(created.Action!, resource.Kind, id, null, created.Shows ? created.ShownAfter : shown);
        await CommitAsync([collection.Insert(value), audited], resource.Announce(created.Action!, id, stored, shown), created, ct);
        context.SetETag(stored.Version);
        return stored;
    }

    public Task<WriteResult<T>> ChangeAsync(HttpContext context, string id, Func<Versioned<T>, Change<T>> decide, CancellationToken ct) =>
        ChangeAsync(context, id, current => Task.FromResult(decide(current)), ct);

    /// <summary>Reads the current version, lets <paramref name="decide"/> make the change from it, and stores that.</summary>
    public async Task<WriteResult<T>> ChangeAsync(HttpContext context, string id, Func<Versioned<T>, Task<Change<T>>> decide, CancellationToken ct)
    {
        var (current, refused) = await WritableAsync(context, id, ct);
        if (current is null)
        {
            return WriteResult<T>.Refused(refused!);
        }
        var change = await decide(current);
        if (change.Refusal is not null)
        {
            return WriteResult<T>.Refused(change.Refusal);
        }
        if (change.IsRecordOnly)
        {
            var recorded = audit.Record(change.Action!, resource.Kind, id, change.ShownBefore, change.ShownAfter);
            await CommitAsync([recorded], resource.Announce(change.Action!, id, current, change.ShownAfter), change, ct);
        }
        if (change.Value is null)
        {
            context.SetETag(current.Version);
            return WriteResult<T>.Written(current);
        }
        if (resource.ValidateStored(change.Value) is { IsValid: false } tooLarge)
        {
            return WriteResult<T>.Refused(TypedResults.ValidationProblem(tooLarge.Errors));
        }
        var after = new Versioned<T>(change.Value, current.Version + 1);
        var shown = await resource.ShowAsync(after, ct);
        var audited = change.Shows ? audit.Record(change.Action!, resource.Kind, id, change.ShownBefore, change.ShownAfter)
            : audit.Record(change.Action!, resource.Kind, id, await resource.ShowAsync(current, ct), shown);
        var writes = new[] { collection.Replace(change.Value, current.Version), audited };
        await CommitAsync(writes, resource.Announce(change.Action!, id, after, shown), change, ct);
        context.SetETag(after.Version);
        return WriteResult<T>.Written(after);
    }

    /// <summary>
    /// Removes the resource once <paramref name="check"/> (e.g. "it has no sub-groups") lets it;
    /// the result holds the version removed.
    /// </summary>
    public async Task<WriteResult<T>> DeleteAsync(
        HttpContext context, string id, Func<Versioned<T>, Task<ProblemHttpResult?>>? check, CancellationToken ct,
        Func<IReadOnlyList<DocumentWrite>, CancellationToken, Task>? commit = null)
    {
        var (current, refused) = await WritableAsync(context, id, ct);
        if (current is null)
        {
            return WriteResult<T>.Refused(refused!);
        }
        if (check is not null && await check(current) is { } problem)
        {
            return WriteResult<T>.Refused(problem);
        }
        var before = await resource.ShowAsync(current, ct);
        DocumentWrite[] writes = [collection.Delete(id, current.Version), audit.Record(WriteActions.Deleted, resource.Kind, id, before, null)];
        var events = resource.Announce(WriteActions.Deleted, id, null, null);
        if (commit is null)
        {
            await CommitAsync(writes, events, null, ct);
        }
        else
        {
            await CommitAsync(writes, events, Change<T>.None.CommittedBy(commit), ct);
        }
        return WriteResult<T>.Written(current);
    }

    /// <summary>The current version when it exists, this caller may write it, and If-Match names it; else the problem.</summary>
    private async Task<(Versioned<T>? Current, IResult? Refused)> WritableAsync(HttpContext context, string id, CancellationToken ct)
    {
        var current = await collection.GetAsync(id, ct);
        if (current is null)
        {
            return (null, NotFoundProblem.For(resource.Title, id));
        }
        if (resource.Refusal(context, current) is { } refused)
        {
            return (null, refused);
        }
        return context.CheckIfMatch(current.Version) is { } failed ? (null, failed) : (current, null);
    }

    private async Task CommitAsync(IReadOnlyList<DocumentWrite> writes, IReadOnlyList<OutgoingEvent> events, Change<T>? change, CancellationToken ct)
    {
        if (change?.Redact is { } redact)
        {
            await Outbox().CommitErasureAsync(writes, events.Single(), redact, ct);
        }
        else if (change?.Commit is { } commit)
        {
            // The outbox must see every event it commits (it wakes the relay), so a caller's own commit carries none.
            await (events.Count == 0 ? commit(writes, ct)
                : throw new InvalidOperationException($"Writes of {resource.Kind} announce events; they commit through the outbox."));
        }
        else if (events.Count > 0)
        {
            await Outbox().CommitAsync(writes, events, ct);
        }
        else
        {
            await collection.Store.CommitAsync(writes, ct);
        }
    }

    private EventOutbox Outbox() =>
        outbox ?? throw new InvalidOperationException($"Writes of {resource.Kind} announce events, but this service has no event outbox.");
}
