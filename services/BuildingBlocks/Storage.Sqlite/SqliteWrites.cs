using Microsoft.Data.Sqlite;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.Sqlite;

/// <summary>Applies one <see cref="DocumentWrite"/> inside an open transaction.</summary>
internal static class SqliteWrites
{
    private const int SqliteConstraintPrimaryKey = 1555;

    public static async Task<long> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, SqliteStatements statements, DocumentWrite write, CancellationToken ct)
    {
        switch (write)
        {
            case InsertDocument insert:
                await InsertAsync(statements, insert, ct);
                await ReplaceTagsAsync(statements, insert.Collection, insert.Id, insert.Tags, ct);
                return 1;
            case ReplaceDocument replace:
                await CheckVersionAsync(statements, replace.Collection, replace.Id, replace.ExpectedVersion, ct);
                await ExecuteAsync(statements,
                    "UPDATE documents SET version = version + 1, json = $json WHERE collection = $c AND id = $id",
                    ct, ("$c", replace.Collection), ("$id", replace.Id), ("$json", replace.Json));
                await ReplaceTagsAsync(statements, replace.Collection, replace.Id, replace.Tags, ct);
                return replace.ExpectedVersion + 1;
            case AppendDocument append:
                var sequence = await NextSequenceAsync(statements, append.Collection, ct);
                var id = SequenceId.Format(sequence);
                await InsertAsync(statements, new InsertDocument(append.Collection, id, append.Json, append.Tags), ct);
                await ReplaceTagsAsync(statements, append.Collection, id, append.Tags, ct);
                return sequence;
            case DeleteDocument delete:
                await CheckVersionAsync(statements, delete.Collection, delete.Id, delete.ExpectedVersion, ct);
                await ExecuteAsync(statements, "DELETE FROM documents WHERE collection = $c AND id = $id",
                    ct, ("$c", delete.Collection), ("$id", delete.Id));
                await ReplaceTagsAsync(statements, delete.Collection, delete.Id, [], ct);
                return 0;
            case LeaseFence fence:
                return await SqliteLeases.CheckFenceAsync(connection, transaction, fence, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write.GetType().Name, "Unknown write.");
        }
    }

    private static async Task InsertAsync(SqliteStatements statements, InsertDocument insert, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(statements,
                "INSERT INTO documents (collection, id, version, json) VALUES ($c, $id, 1, $json)",
                ct, ("$c", insert.Collection), ("$id", insert.Id), ("$json", insert.Json));
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new DuplicateDocumentException(insert.Collection, insert.Id);
        }
    }

    private static async Task<long> NextSequenceAsync(SqliteStatements statements, string collection, CancellationToken ct)
    {
        var command = statements.Prepare("""
            INSERT INTO sequences (collection, last) VALUES ($c, 1)
            ON CONFLICT (collection) DO UPDATE SET last = last + 1
            RETURNING last
            """, ("$c", collection));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task CheckVersionAsync(SqliteStatements statements, string collection, string id, long expected, CancellationToken ct)
    {
        var command = statements.Prepare("SELECT version FROM documents WHERE collection = $c AND id = $id", ("$c", collection), ("$id", id));
        var actual = (long?)await command.ExecuteScalarAsync(ct);
        if (actual != expected)
        {
            throw new ConcurrencyConflictException(collection, id, expected, actual);
        }
    }

    private static async Task ReplaceTagsAsync(SqliteStatements statements, string collection, string id, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        await ExecuteAsync(statements, "DELETE FROM document_tags WHERE collection = $c AND id = $id",
            ct, ("$c", collection), ("$id", id));
        // A tag repeated in one write is one tag (as in the MongoDB adapter), not a constraint violation.
        foreach (var tag in tags)
        {
            await ExecuteAsync(statements, "INSERT OR IGNORE INTO document_tags (collection, tag, id) VALUES ($c, $tag, $id)",
                ct, ("$c", collection), ("$tag", tag), ("$id", id));
        }
    }

    private static async Task ExecuteAsync(SqliteStatements statements, string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        await statements.Prepare(sql, parameters).ExecuteNonQueryAsync(ct);
}
