namespace Samverkan.Contracts.Tests.Storage;

/// <summary>What can happen to a stopped service's SQLite file, done to the file as an operator or a disk would.</summary>
public enum Damage
{
    /// <summary>The database and its log and shared memory removed (<c>rm forums.db*</c>).</summary>
    Deleted,

    /// <summary>The database truncated to 0 bytes.</summary>
    Emptied,

    /// <summary>Pages in the middle of the file overwritten with random bytes.</summary>
    Garbled,
}

public static class StoreDamage
{
    private const int PageSize = 4096;

    public static void Apply(Damage damage, string databasePath)
    {
        switch (damage)
        {
            case Damage.Deleted:
                foreach (var file in FilesOf(databasePath))
                {
                    File.Delete(file);
                }
                break;
            case Damage.Emptied:
                File.WriteAllBytes(databasePath, []);
                break;
            case Damage.Garbled:
                Garble(databasePath);
                break;
        }
    }

    /// <summary>The database file and the files SQLite keeps beside it, with their bytes: what a start must leave untouched when it refuses.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string databasePath) =>
        FilesOf(databasePath).Where(File.Exists).ToDictionary(file => file, file => Convert.ToHexString(File.ReadAllBytes(file)));

    private static IEnumerable<string> FilesOf(string databasePath) => [databasePath, databasePath + "-wal", databasePath + "-shm"];

    // The middle third of the pages, never page 1 (the header): the file still opens as a
    // database, and only reading its tables finds the damage. Seeded, so every run garbles alike.
    private static void Garble(string databasePath)
    {
        var pages = new FileInfo(databasePath).Length / PageSize;
        Assert.True(pages >= 3, $"{databasePath} has {pages} pages; garbling needs at least 3.");
        var random = new Random(10);
        var garbage = new byte[PageSize];
        using var file = new FileStream(databasePath, FileMode.Open, FileAccess.Write);
        for (var page = Math.Max(1, pages / 3); page < Math.Max(2, 2 * pages / 3); page++)
        {
            random.NextBytes(garbage);
            file.Position = page * PageSize;
            file.Write(garbage);
        }
        file.Flush(flushToDisk: true);
    }
}
