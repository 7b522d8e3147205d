namespace Samverkan.Events.Tests.Support;

/// <summary>A fresh directory for one test's SQLite file, removed on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "samverkan-tests", $"events-{Guid.NewGuid():N}");

    public TempDatabase() => Directory.CreateDirectory(_directory);

    public string Path => System.IO.Path.Combine(_directory, "service.db");

    public void Dispose()
    {
        // SQLite may hold the file for a moment after the last connection is returned to its pool.
        for (var attempt = 0; Directory.Exists(_directory); attempt++)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(100);
            }
        }
    }
}
