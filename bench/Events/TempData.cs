namespace Samverkan.Bench.Events;

/// <summary>A fresh data directory for the platform, removed afterwards.</summary>
public sealed class TempData : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "samverkan-bench", $"events-{Guid.NewGuid():N}");

    public TempData() => Directory.CreateDirectory(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
