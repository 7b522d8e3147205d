using MongoDB.Bson;
using MongoDB.Driver;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.MongoDB;

/// <summary>
/// Leases in the <c>_leases</c> collection, one <c>{ _id: name, holder, epoch, expiresAt, fenced }</c>
/// document each. Every change is one atomic single-document update with majority write concern,
/// and expiry is compared with the server's clock (<c>$$NOW</c>, MongoDB 4.2 or later), so replicas
/// whose clocks disagree still agree on who holds a lease.
/// </summary>
internal sealed class MongoLeases(IMongoDatabase database)
{
    private const int DuplicateKey = 11000;
    private const string Holder = "holder";
    private const string Epoch = "epoch";
    private const string ExpiresAt = "expiresAt";
    private const string Fenced = "fenced";

    private readonly IMongoCollection<BsonDocument> _leases = database
        .GetCollection<BsonDocument>(LeaseFence.LeasesCollection)
        .WithWriteConcern(WriteConcern.WMajority)
        .WithReadConcern(ReadConcern.Majority);

    // Operations in a transaction take the transaction's concerns and may not set their own.
    private readonly IMongoCollection<BsonDocument> _inTransaction = database.GetCollection<BsonDocument>(LeaseFence.LeasesCollection);

    public async Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        // Matches only an expired grant; when there is none the upsert inserts, which fails on the
        // _id of a running grant (duplicate key) and succeeds for a lease never granted.
        var filter = new BsonDocument { { "_id", name }, { "$expr", new BsonDocument("$lte", new BsonArray { "$" + ExpiresAt, "$$NOW" }) } };
        var update = Pipeline(new BsonDocument("$set", new BsonDocument
        {
            // $literal: in a pipeline a string starting with $ would be read as a field path.
            { Holder, new BsonDocument("$literal", holder) },
            { Epoch, new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$" + Epoch, 0L }), 1L }) },
            { ExpiresAt, Later(duration) },
        }));
        try
        {
            var granted = await _leases.FindOneAndUpdateAsync(filter, update,
                new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After }, ct);
            return new LeaseGrant(name, holder, granted[Epoch].ToInt64());
        }
        catch (MongoCommandException e) when (e.Code == DuplicateKey)
        {
            return null;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return null;
        }
    }

    public async Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken ct)
    {
        var filter = new BsonDocument
        {
            { "_id", grant.Name }, { Epoch, grant.Epoch },
            { "$expr", new BsonDocument("$gt", new BsonArray { "$" + ExpiresAt, "$$NOW" }) },
        };
        var renewed = await _leases.UpdateOneAsync(filter, Pipeline(new BsonDocument("$set", new BsonDocument(ExpiresAt, Later(duration)))), cancellationToken: ct);
        return renewed.MatchedCount == 1;
    }

    public Task ReleaseAsync(LeaseGrant grant, CancellationToken ct) =>
        _leases.UpdateOneAsync(new BsonDocument { { "_id", grant.Name }, { Epoch, grant.Epoch } },
            Pipeline(new BsonDocument("$set", new BsonDocument(ExpiresAt, new BsonDocument("$min", new BsonArray { "$" + ExpiresAt, "$$NOW" })))),
            cancellationToken: ct);

    public async Task<LeaseGrant?> CurrentAsync(string name, CancellationToken ct)
    {
        var filter = new BsonDocument { { "_id", name }, { "$expr", new BsonDocument("$gt", new BsonArray { "$" + ExpiresAt, "$$NOW" }) } };
        var current = await _leases.Find(filter).FirstOrDefaultAsync(ct);
        return current is null ? null : new LeaseGrant(name, current[Holder].AsString, current[Epoch].ToInt64());
    }

    /// <summary>
    /// Inside a commit's transaction: fails it unless the current grant is the fence's. It writes the
    /// lease document (a counter) instead of only reading it, so a grant made by another replica
    /// while the transaction runs is a write conflict, and the rerun sees the new epoch: under
    /// snapshot isolation a read alone would not see it.
    /// </summary>
    public async Task<long> CheckFenceAsync(IClientSessionHandle session, LeaseFence fence, CancellationToken ct)
    {
        var fenced = await _inTransaction.UpdateOneAsync(session,
            new BsonDocument { { "_id", fence.Name }, { Epoch, fence.Epoch } },
            new BsonDocument("$inc", new BsonDocument(Fenced, 1L)), cancellationToken: ct);
        if (fenced.MatchedCount == 1)
        {
            return fence.Epoch;
        }
        var current = await _inTransaction.Find(session, new BsonDocument("_id", fence.Name)).FirstOrDefaultAsync(ct);
        throw new LeaseLostException(fence.Name, fence.Epoch, current?[Epoch].ToInt64());
    }

    private static UpdateDefinition<BsonDocument> Pipeline(BsonDocument stage) =>
        new PipelineUpdateDefinition<BsonDocument>(PipelineDefinition<BsonDocument, BsonDocument>.Create(stage));

    private static BsonDocument Later(TimeSpan duration) =>
        new("$add", new BsonArray { "$$NOW", (long)duration.TotalMilliseconds });
}
