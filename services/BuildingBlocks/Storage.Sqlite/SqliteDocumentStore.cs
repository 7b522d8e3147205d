using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Samverkan.Storage.Leases;

namespace Samverkan.Storage.Sqlite;

/// <summary>
/// The embedded storage adapter: one SQLite file per service in WAL mode with full sync, so a
/// committed transaction survives a crash of the process or the machine. Writes are serialized
/// in-process (SQLite has one writer anyway); reads run beside them on their own connections.
/// </summary>
/// <remarks>
/// Opening checks the file before anything is written to it: a file that is missing or empty
/// while its marker (<see cref="MarkerPathFor"/>) records that it was initialised is refused
/// untouched, and a file that fails <c>PRAGMA quick_check</c> (or is not a database at all) is
/// refused as damaged, each with a <see cref="StoreUnusableException"/> naming the file.
/// <para>
/// Several processes may share the file (replicas on one machine): every write transaction
/// begins IMMEDIATE, so SQLite serialises them across processes as the lock does within one, and
/// leases (<see cref="ILeaseStore"/>) expire by the machine's clock, which they all read.
/// </para>
/// </remarks>
public sealed class SqliteDocumentStore : IDocumentStore, ILeaseStore, IDisposable
{
    private const int QueryBatchSize = 256;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteDocumentStore(string path)
    {
        DatabasePath = Path.GetFullPath(path);
        var marker = new FileStoreMarker(MarkerPathFor(DatabasePath));
        var file = new FileInfo(DatabasePath);
        if ((!file.Exists || file.Length == 0) && marker.Read() is { } recorded)
        {
            throw StoreUnusableException.DataGone(DatabasePath, marker.Location, recorded);
        }
        Directory.CreateDirectory(file.DirectoryName!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        try
        {
            using var connection = Open();
            SqliteIntegrity.Check(connection, DatabasePath, marker.Location);
            SqliteSchema.Create(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            Dispose();
            throw StoreUnusableException.Damaged(DatabasePath, marker.Location, $"SQLite cannot read it ({e.Message})", e);
        }
        catch
        {
            // Other failures (permissions, a full disk) are not damage: they propagate as they are.
            Dispose();
            throw;
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Where the marker of the database at <paramref name="databasePath"/> is kept: beside it, named
    /// <c>forums.initialised</c> for <c>forums.db</c>, so that removing <c>forums.db*</c> (the file,
    /// its log and shared memory) leaves it, and removing the whole directory does not.
    /// </summary>
    public static string MarkerPathFor(string databasePath) => Path.ChangeExtension(Path.GetFullPath(databasePath), ".initialised");

    public async Task<StoredDocument?> FindAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, version, json FROM documents WHERE collection = $c AND id = $id";
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader) : null;
    }

    public async IAsyncEnumerable<StoredDocument> QueryAsync(
        string collection, DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Batches keyed on the last id seen: a long scan never holds one read transaction open.
        var after = query.AfterId;
        while (true)
        {
            var batch = await ReadBatchAsync(collection, query.Tag, after, cancellationToken);
            foreach (var document in batch)
            {
                yield return document;
            }
            if (batch.Count < QueryBatchSize)
            {
                yield break;
            }
            after = batch[^1].Id;
        }
    }

    public Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) =>
        WriteAsync<IReadOnlyList<long>>(async (connection, transaction, ct) =>
        {
            var versions = new List<long>(writes.Count);
            await using var statements = new SqliteStatements(connection, transaction);
            foreach (var write in writes)
            {
                versions.Add(await SqliteWrites.ApplyAsync(connection, transaction, statements, write, ct));
            }
            return versions;
        }, cancellationToken);

    public Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction, ct) => SqliteLeases.TryAcquireAsync(connection, transaction, name, holder, duration, Now, ct), cancellationToken);

    public Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken = default) =>
        WriteAsync((connection, transaction, ct) => SqliteLeases.TryRenewAsync(connection, transaction, grant, duration, Now, ct), cancellationToken);

    public Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction, ct) =>
        {
            await SqliteLeases.ReleaseAsync(connection, transaction, grant, Now, ct);
            return true;
        }, cancellationToken);

    public async Task<LeaseGrant?> CurrentAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await SqliteLeases.CurrentAsync(connection, name, Now, cancellationToken);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents WHERE 0";
        await command.ExecuteScalarAsync(cancellationToken);
        return true;
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        // Only this store's pool: another store in the same process keeps its connections.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<List<StoredDocument>> ReadBatchAsync(string collection, string? tag, string? after, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        // "id > $after" only when there is an after: SQLite cannot seek the key for "$after IS NULL OR
        // id > $after", so each batch walked the collection from its start (quadratic: a 1,000,000-row
        // scan took most of an hour).
        var from = after is null ? "" : tag is null ? " AND id > $after" : " AND t.id > $after";
        command.CommandText = tag is null
            ? $"SELECT id, version, json FROM documents WHERE collection = $c{from} ORDER BY id LIMIT $n"
            : $"""
              SELECT d.id, d.version, d.json FROM document_tags t
              JOIN documents d ON d.collection = t.collection AND d.id = t.id
              WHERE t.collection = $c AND t.tag = $tag{from}
              ORDER BY t.id LIMIT $n
              """;
        command.Parameters.AddWithValue("$c", collection);
        command.Parameters.AddWithValue("$tag", (object?)tag ?? DBNull.Value);
        command.Parameters.AddWithValue("$after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("$n", QueryBatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<StoredDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(ReadDocument(reader));
        }
        return batch;
    }

    /// <summary>
    /// Moves the write-ahead log into the database file and truncates it: the page images from
    /// before the erasure leave the log, and secure_delete has already zeroed the freed space in
    /// the file. Taken under the write lock, so no commit adds new frames meanwhile.
    /// </summary>
    public async Task ForgetOldVersionsAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // Read inside the write transaction, so the time compared with a lease's expiry is taken
    // after every earlier grant committed.
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>
    /// One write transaction, serialised in-process by the lock and across processes by SQLite:
    /// Microsoft.Data.Sqlite begins it IMMEDIATE, taking the file's write lock at once (waiting
    /// up to busy_timeout), so a version read in it cannot be changed by another process before it commits.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static StoredDocument ReadDocument(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetString(2));

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteSchema.ConfigureConnection(connection);
        return connection;
    }
}
