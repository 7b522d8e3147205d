using Microsoft.Data.Sqlite;

namespace Samverkan.Storage.Sqlite;

internal static class SqliteIntegrity
{
    private const int ProblemsReported = 5;

    /// <summary>
    /// Reads every page of every table and index and checks its structure (not whether indexes
    /// agree with their tables), in time linear in the file's size; throws when anything is wrong.
    /// </summary>
    public static void Check(SqliteConnection connection, string databasePath, string marker)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA quick_check({ProblemsReported})";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            problems.Add(reader.GetString(0).ReplaceLineEndings(" "));
        }
        if (problems is not ["ok"])
        {
            throw StoreUnusableException.Damaged(databasePath, marker, $"PRAGMA quick_check reported {string.Join("; ", problems)}");
        }
    }
}
