using MongoDB.Bson;
using MongoDB.Driver;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.MongoDB;

/// <summary>Applies one write inside the commit's transaction.</summary>
internal static class MongoWrites
{
    public static async Task<long> ApplyAsync(
        IMongoCollection<BsonDocument> collection, IMongoCollection<BsonDocument> sequences, MongoLeases leases, IClientSessionHandle session,
        DocumentWrite write, CancellationToken ct)
    {
        switch (write)
        {
            case LeaseFence fence:
                return await leases.CheckFenceAsync(session, fence, ct);
            case InsertDocument insert:
                try
                {
                    await collection.InsertOneAsync(session, MongoDocuments.ToBson(insert.Id, 1, insert.Json, insert.Tags), cancellationToken: ct);
                }
                catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
                {
                    throw new DuplicateDocumentException(insert.Collection, insert.Id);
                }
                return 1;
            case ReplaceDocument replace:
                var next = replace.ExpectedVersion + 1;
                var replaced = await collection.ReplaceOneAsync(session, AtVersion(replace.Id, replace.ExpectedVersion),
                    MongoDocuments.ToBson(replace.Id, next, replace.Json, replace.Tags), cancellationToken: ct);
                if (replaced.MatchedCount == 0)
                {
                    throw await ConflictAsync(collection, session, replace, replace.ExpectedVersion, ct);
                }
                return next;
            case AppendDocument append:
                var sequence = await NextSequenceAsync(sequences, session, append.Collection, ct);
                await collection.InsertOneAsync(session,
                    MongoDocuments.ToBson(SequenceId.Format(sequence), 1, append.Json, append.Tags), cancellationToken: ct);
                return sequence;
            case DeleteDocument delete:
                var deleted = await collection.DeleteOneAsync(session, AtVersion(delete.Id, delete.ExpectedVersion), cancellationToken: ct);
                if (deleted.DeletedCount == 0)
                {
                    throw await ConflictAsync(collection, session, delete, delete.ExpectedVersion, ct);
                }
                return 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write.GetType().Name, "Unknown write.");
        }
    }

    // The counter is updated inside the commit's transaction: a racing commit conflicts on it and
    // is rerun, and a rolled-back commit leaves the counter as it was, so numbers have no gaps.
    private static async Task<long> NextSequenceAsync(
        IMongoCollection<BsonDocument> sequences, IClientSessionHandle session, string collection, CancellationToken ct)
    {
        var counter = await sequences.FindOneAndUpdateAsync(session,
            new BsonDocument("_id", collection),
            new BsonDocument("$inc", new BsonDocument("last", 1L)),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            ct);
        return counter["last"].ToInt64();
    }

    private static BsonDocument AtVersion(string id, long version) => new() { { "_id", id }, { MongoDocuments.Version, version } };

    // Read inside the same transaction, so the version reported is the one the failed filter saw.
    private static async Task<ConcurrencyConflictException> ConflictAsync(
        IMongoCollection<BsonDocument> collection, IClientSessionHandle session, DocumentWrite write, long expected, CancellationToken ct)
    {
        var current = await collection.Find(session, new BsonDocument("_id", write.Id)).FirstOrDefaultAsync(ct);
        return new ConcurrencyConflictException(write.Collection, write.Id, expected, current?[MongoDocuments.Version].ToInt64());
    }
}
