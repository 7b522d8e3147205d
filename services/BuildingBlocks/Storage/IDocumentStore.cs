namespace Samverkan.Storage;

/// <summary>
/// The storage port: one document database per service. Documents are JSON, grouped in named
/// collections, each with an optimistic-concurrency version. Adapters: SQLite (embedded default)
/// and MongoDB (production). Services never know which adapter runs. Both adapters also keep
/// leases (<see cref="Leases.ILeaseStore"/>), for work that runs on one replica at a time.
/// </summary>
public interface IDocumentStore
{
    /// <summary>The document with this id, or null when the collection has none.</summary>
    Task<StoredDocument?> FindAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Documents in ascending id order, optionally only those carrying <see cref="DocumentQuery.Tag"/>
    /// and only ids after <see cref="DocumentQuery.AfterId"/>. Streams: callers may stop early.
    /// </summary>
    IAsyncEnumerable<StoredDocument> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies every write in one transaction: all of them or none. Throws
    /// <see cref="ConcurrencyConflictException"/> when an expected version does not match and
    /// <see cref="DuplicateDocumentException"/> when an inserted id exists, and
    /// <see cref="Leases.LeaseLostException"/> when a <see cref="Leases.LeaseFence"/> names an epoch
    /// that is no longer the lease's. Returns the new version of each written document, in order
    /// (0 for a delete, the epoch for a fence).
    /// </summary>
    Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// After a commit that erased personal data (deleted it, or replaced it with a redacted
    /// version): removes the old versions the storage engine still keeps in its own logs, so
    /// the erased data is gone from disk and not only from queries.
    /// </summary>
    Task ForgetOldVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the database answers; used by the readiness check.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>A document as stored: its id, version (1 on insert, +1 on every replace) and JSON.</summary>
public sealed record StoredDocument(string Id, long Version, string Json);

/// <summary>A scan of one collection in id order.</summary>
public sealed record DocumentQuery(string? Tag = null, string? AfterId = null);
