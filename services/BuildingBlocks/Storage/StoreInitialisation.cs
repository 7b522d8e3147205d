using System.Text.Json;

namespace Samverkan.Storage;

/// <summary>What <see cref="StoreInitialisation.OpenAsync"/> found.</summary>
public enum StoreOpening
{
    /// <summary>Nothing was initialised before: the identity and the marker were written now.</summary>
    FirstStart,

    /// <summary>The store holds the identity its marker records.</summary>
    Verified,

    /// <summary>The store holds an identity but the marker was missing: it was written again from the store.</summary>
    MarkerRewritten,
}

/// <summary>
/// Tells a true first start from a store whose data is gone. The first start writes a
/// <see cref="StoreIdentity"/> into the store (collection <see cref="Collection"/>) and then into
/// the <see cref="IStoreMarker"/> kept outside it; every later start compares the two and
/// refuses, with <see cref="StoreUnusableException"/>, when the marker records an identity the
/// store does not hold (missing, empty, or another store). Seeding requires it to have run.
/// </summary>
public static class StoreInitialisation
{
    public const string Collection = "_store";
    public const string IdentityId = "identity";

    /// <summary>The identity the store holds, or null when it holds none.</summary>
    public static async Task<StoreIdentity?> ReadIdentityAsync(IDocumentStore store, CancellationToken cancellationToken = default)
    {
        var stored = await store.FindAsync(Collection, IdentityId, cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<StoreIdentity>(stored.Json, StorageJson.Options);
    }

    /// <param name="store">The opened store.</param>
    /// <param name="storeName">What the store is (a file path, a database name), named in errors.</param>
    /// <param name="marker">The record kept outside the store.</param>
    /// <param name="now">The time written into a new identity.</param>
    /// <param name="cancellationToken">Cancels the reads and the commit.</param>
    /// <returns>The store's identity and what was found.</returns>
    public static async Task<(StoreIdentity Identity, StoreOpening Opening)> OpenAsync(
        IDocumentStore store, string storeName, IStoreMarker marker, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var recorded = marker.Read();
        var held = await ReadIdentityAsync(store, cancellationToken);
        if (recorded is not null)
        {
            if (held is null)
            {
                throw StoreUnusableException.DataGone(storeName, marker.Location, recorded);
            }
            if (held.StoreId != recorded.StoreId)
            {
                throw StoreUnusableException.OtherStore(storeName, marker.Location, recorded, held);
            }
            return (held, StoreOpening.Verified);
        }
        if (held is not null)
        {
            // The store is its own proof; only the record of it was lost.
            marker.Write(held);
            return (held, StoreOpening.MarkerRewritten);
        }
        var created = new StoreIdentity(Guid.NewGuid(), now);
        try
        {
            await store.CommitAsync([new InsertDocument(Collection, IdentityId, JsonSerializer.Serialize(created, StorageJson.Options), [])], cancellationToken);
        }
        catch (DuplicateDocumentException e) when (e.Collection == Collection)
        {
            // A second instance initialised it between our read and our commit: adopt its identity.
            created = await ReadIdentityAsync(store, cancellationToken)
                ?? throw new InvalidOperationException($"The store {storeName} refused its identity as a duplicate but holds none.", e);
        }
        // Inside first, then outside: a crash between the two leaves a store with an identity
        // and no marker, which the next start repairs (MarkerRewritten), never the reverse.
        marker.Write(created);
        return (created, StoreOpening.FirstStart);
    }
}
