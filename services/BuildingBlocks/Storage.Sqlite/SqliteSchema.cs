using Microsoft.Data.Sqlite;

namespace Samverkan.Storage.Sqlite;

internal static class SqliteSchema
{
    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS documents (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (collection, id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS document_tags (
                collection TEXT NOT NULL,
                tag TEXT NOT NULL,
                id TEXT NOT NULL,
                PRIMARY KEY (collection, tag, id)
            ) WITHOUT ROWID;
            -- Replacing a document's tags deletes them by document: without this, every write scans all the collection's tags.
            CREATE INDEX IF NOT EXISTS document_tags_by_document ON document_tags (collection, id);
            CREATE TABLE IF NOT EXISTS sequences (
                collection TEXT NOT NULL PRIMARY KEY,
                last INTEGER NOT NULL
            ) WITHOUT ROWID;
            -- One row per lease (ILeaseStore): the current grant; expires_at in Unix milliseconds.
            CREATE TABLE IF NOT EXISTS leases (
                name TEXT NOT NULL PRIMARY KEY,
                holder TEXT NOT NULL,
                epoch INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Per-connection settings: durability over speed, wait rather than fail on a busy file, and
    /// overwrite deleted content so erased personal data does not linger in free pages.
    /// </summary>
    public static void ConfigureConnection(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }
}
