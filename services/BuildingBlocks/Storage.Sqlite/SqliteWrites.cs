using Microsoft.Data.Sqlite;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.Sqlite;

/// <summary>Applies one <see cref="DocumentWrite"/> inside an open transaction.</summary>
internal static class SqliteWrites
{
    private const int SqliteConstraintPrimaryKey = 1555;

    public static async Task<long> ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, DocumentWrite write, CancellationToken ct)
    {
        switch (write)
        {
            case InsertDocument insert:
                await InsertAsync(connection, transaction, insert, ct);
                await ReplaceTagsAsync(connection, transaction, insert.Collection, insert.Id, insert.Tags, ct);
                return 1;
            case ReplaceDocument replace:
                await CheckVersionAsync(connection, transaction, replace.Collection, replace.Id, replace.ExpectedVersion, ct);
                await ExecuteAsync(connection, transaction,
                    "UPDATE documents SET version = version + 1, json = $json WHERE collection = $c AND id = $id",
                    ct, ("$c", replace.Collection), ("$id", replace.Id), ("$json", replace.Json));
                await ReplaceTagsAsync(connection, transaction, replace.Collection, replace.Id, replace.Tags, ct);
                return replace.ExpectedVersion + 1;
            case AppendDocument append:
                var sequence = await NextSequenceAsync(connection, transaction, append.Collection, ct);
                var id = SequenceId.Format(sequence);
                await InsertAsync(connection, transaction, new InsertDocument(append.Collection, id, append.Json, append.Tags), ct);
                await ReplaceTagsAsync(connection, transaction, append.Collection, id, append.Tags, ct);
                return sequence;
            case DeleteDocument delete:
                await CheckVersionAsync(connection, transaction, delete.Collection, delete.Id, delete.ExpectedVersion, ct);
                await ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE collection = $c AND id = $id",
                    ct, ("$c", delete.Collection), ("$id", delete.Id));
                await ReplaceTagsAsync(connection, transaction, delete.Collection, delete.Id, [], ct);
                return 0;
            case LeaseFence fence:
                return await SqliteLeases.CheckFenceAsync(connection, transaction, fence, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(write), write.GetType().Name, "Unknown write.");
        }
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, InsertDocument insert, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO documents (collection, id, version, json) VALUES ($c, $id, 1, $json)",
                ct, ("$c", insert.Collection), ("$id", insert.Id), ("$json", insert.Json));
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new DuplicateDocumentException(insert.Collection, insert.Id);
        }
    }

    private static async Task<long> NextSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, string collection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO sequences (collection, last) VALUES ($c, 1)
            ON CONFLICT (collection) DO UPDATE SET last = last + 1
            RETURNING last
            """;
        command.Parameters.AddWithValue("$c", collection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task CheckVersionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string collection, string id, long expected, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM documents WHERE collection = $c AND id = $id";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$id", id);
        var actual = (long?)await command.ExecuteScalarAsync(ct);
        if (actual != expected)
        {
            throw new ConcurrencyConflictException(collection, id, expected, actual);
        }
    }

    private static async Task ReplaceTagsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string collection, string id, IReadOnlyCollection<string> tags, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM document_tags WHERE collection = $c AND id = $id",
            ct, ("$c", collection), ("$id", id));
        // A tag repeated in one write is one tag (as in the MongoDB adapter), not a constraint violation.
        foreach (var tag in tags)
        {
            await ExecuteAsync(connection, transaction, "INSERT OR IGNORE INTO document_tags (collection, tag, id) VALUES ($c, $tag, $id)",
                ct, ("$c", collection), ("$tag", tag), ("$id", id));
        }
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
