using System.Text.Json;

namespace Samverkan.Storage;

/// <summary>
/// A marker kept as a small JSON file (<c>{"storeId": ..., "initialisedAt": ...}</c>), written
/// whole or not at all: a temporary file, flushed to disk, then renamed over the old one.
/// </summary>
public sealed class FileStoreMarker(string path) : IStoreMarker
{
    public string Location { get; } = Path.GetFullPath(path);

    public StoreIdentity? Read()
    {
        if (!File.Exists(Location))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoreIdentity>(File.ReadAllText(Location), StorageJson.StrictOptions)
                ?? throw new JsonException("The file holds null.");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnusableException(Location,
                $"The store marker {Location} exists but cannot be read ({e.Message}), so whether the store beside it " +
                "was initialised is unknown. Restore the marker from a backup, or remove it if the store beside it is the one to keep.", e);
        }
    }

    public void Write(StoreIdentity identity)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Location)!);
        var temporary = $"{Location}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, identity, StorageJson.Options);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, Location, overwrite: true);
    }
}
