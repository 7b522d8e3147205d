using System.Text.Json;

namespace Samverkan.Storage;

/// <summary>
/// Loads a service's part of the national mapping on first start. The seed and a marker
/// document commit in one transaction, so a crash mid-seed leaves nothing half-loaded and a
/// second start (or a second instance racing the first) adds nothing. Only a store that
/// <see cref="StoreInitialisation.OpenAsync"/> has opened is seeded: a store whose data is gone
/// is refused there, before any seed could make it look new.
/// </summary>
public static class SeedLoader
{
    public const string MarkerCollection = "_seed";

    /// <summary>Reads a JSON array seed file strictly: unknown fields fail loudly.</summary>
    public static IReadOnlyList<T> ReadFile<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<T>>(stream, StorageJson.StrictOptions)
            ?? throw new InvalidDataException($"Seed file {path} holds null.");
    }

    /// <returns>True when this call loaded the seed, false when it had been loaded before.</returns>
    public static async Task<bool> SeedOnceAsync(
        IDocumentStore store, string seedName, IEnumerable<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        if (await StoreInitialisation.ReadIdentityAsync(store, cancellationToken) is null)
        {
            throw new InvalidOperationException(
                $"Seed {seedName} refused: the store holds no identity. Open it with StoreInitialisation.OpenAsync first.");
        }
        if (await store.FindAsync(MarkerCollection, seedName, cancellationToken) is not null)
        {
            return false;
        }
        var marker = new InsertDocument(MarkerCollection, seedName,
            JsonSerializer.Serialize(new { seededAt = DateTimeOffset.UtcNow }), []);
        try
        {
            await store.CommitAsync([marker, .. writes], cancellationToken);
            return true;
        }
        catch (DuplicateDocumentException e) when (e.Collection == MarkerCollection)
        {
            // Another instance seeded between our check and our commit; our transaction rolled back whole.
            return false;
        }
    }
}
