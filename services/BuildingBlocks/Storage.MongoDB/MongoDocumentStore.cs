using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.MongoDB;

/// <summary>
/// The production storage adapter. Each logical collection is one MongoDB collection of
/// <c>{ _id, version, doc, tags }</c> documents, with a <c>{ tags: 1, _id: 1 }</c> index for tag scans.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="CommitAsync"/> runs in a multi-document transaction, which MongoDB only allows on a
/// replica set (or a sharded cluster): against a standalone mongod every commit fails. A
/// single-node replica set (<c>mongod --replSet rs0</c>, then <c>rs.initiate()</c>) is enough.
/// </para>
/// <para>
/// Documents must be JSON objects. They are stored as BSON (see <c>MongoDocuments</c> for
/// how numbers keep their exact digits) and read back as plain JSON; object keys that start with
/// <c>$</c> or contain <c>.</c> need MongoDB 5.0 or later.
/// </para>
/// <para>
/// Ids are ordered by MongoDB's binary comparison of their UTF-8 bytes, which is Unicode code point
/// order, the same as the SQLite adapter's. It equals .NET ordinal (UTF-16) order except that
/// characters above U+FFFF sort after U+E000–U+FFFF here, and before them in
/// <see cref="StringComparer.Ordinal"/>.
/// </para>
/// </remarks>
public sealed class MongoDocumentStore : IDocumentStore, ILeaseStore, IDisposable
{
    private const int QueryBatchSize = 256;
    private const string SequencesCollection = "_sequences";

    // Majority writes and snapshot reads: a commit that returned survives a primary failover, and
    // every version check in one commit sees the same point in time.
    private static readonly TransactionOptions Transaction = new(ReadConcern.Snapshot, writeConcern: WriteConcern.WMajority);

    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly HashSet<string> _indexed = new(StringComparer.Ordinal);
    private readonly MongoLeases _leases;

    /// <param name="connectionString">A <c>mongodb://</c> URI naming a replica set.</param>
    /// <param name="databaseName">The service's own database.</param>
    public MongoDocumentStore(string connectionString, string databaseName)
    {
        _client = new MongoClient(connectionString);
        _database = _client.GetDatabase(databaseName);
        _leases = new MongoLeases(_database);
    }

    public async Task<StoredDocument?> FindAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var found = await Collection(collection).Find(new BsonDocument("_id", id)).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : MongoDocuments.ToStored(found);
    }

    public async IAsyncEnumerable<StoredDocument> QueryAsync(
        string collection, DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = new BsonDocument();
        if (query.Tag is not null)
        {
            filter.Add(MongoDocuments.Tags, query.Tag);
        }
        if (query.AfterId is not null)
        {
            filter.Add("_id", new BsonDocument("$gt", query.AfterId));
        }
        var options = new FindOptions<BsonDocument> { Sort = new BsonDocument("_id", 1), BatchSize = QueryBatchSize };
        using var cursor = await Collection(collection).FindAsync(filter, options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoDocuments.ToStored(document);
            }
        }
    }

    public async Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        // Indexes (and so collections) are created outside the transaction, where MongoDB allows it.
        var appends = writes.Any(write => write is AppendDocument) ? new[] { SequencesCollection } : [];
        foreach (var name in writes.Where(write => write is not LeaseFence).Select(write => write.Collection).Concat(appends).Distinct(StringComparer.Ordinal))
        {
            await EnsureIndexedAsync(name, cancellationToken);
        }
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        // WithTransactionAsync reruns the whole callback on a TransientTransactionError, such as the
        // write conflict a racing commit causes; the rerun's version check then reports the winner.
        return await session.WithTransactionAsync<IReadOnlyList<long>>(
            async (handle, ct) =>
            {
                var versions = new List<long>(writes.Count);
                foreach (var write in writes)
                {
                    versions.Add(await MongoWrites.ApplyAsync(Collection(write.Collection), Collection(SequencesCollection), _leases, handle, write, ct));
                }
                return versions;
            },
            Transaction, cancellationToken);
    }

    public Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        _leases.TryAcquireAsync(name, holder, duration, cancellationToken);

    public Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken = default) =>
        _leases.TryRenewAsync(grant, duration, cancellationToken);

    public Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken = default) =>
        _leases.ReleaseAsync(grant, cancellationToken);

    public Task<LeaseGrant?> CurrentAsync(string name, CancellationToken cancellationToken = default) =>
        _leases.CurrentAsync(name, cancellationToken);

    /// <summary>
    /// Nothing to do in the database itself: a replaced or deleted document is gone from its
    /// collections at commit. The replica set's oplog still holds the change for its retention
    /// window, and backups hold what they hold; both are operations' to bound (docs/events.md).
    /// </summary>
    public Task ForgetOldVersionsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        var reply = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        return reply.GetValue("ok", 0).ToDouble() == 1;
    }

    public void Dispose() => _client.Dispose();

    private IMongoCollection<BsonDocument> Collection(string name) => _database.GetCollection<BsonDocument>(name);

    private async Task EnsureIndexedAsync(string name, CancellationToken cancellationToken)
    {
        lock (_indexed)
        {
            if (_indexed.Contains(name))
            {
                return;
            }
        }
        // Creating an index that exists is a no-op on the server, so racing callers are harmless.
        var index = new CreateIndexModel<BsonDocument>(new BsonDocument { { MongoDocuments.Tags, 1 }, { "_id", 1 } });
        await Collection(name).Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
        lock (_indexed)
        {
            _indexed.Add(name);
        }
    }
}
