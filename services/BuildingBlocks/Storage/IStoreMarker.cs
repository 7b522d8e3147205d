namespace Samverkan.Storage;

/// <summary>
/// The record, kept outside a store, that the store was initialised and which
/// <see cref="StoreIdentity"/> it holds: it survives when the store's own data is lost, and so
/// lets <see cref="StoreInitialisation.OpenAsync"/> refuse to treat lost data as a first start.
/// </summary>
public interface IStoreMarker
{
    /// <summary>Where the marker is kept (a file path, a setting), named in error messages.</summary>
    string Location { get; }

    /// <summary>
    /// The identity recorded, or null when none is (nothing was ever initialised here). Throws
    /// <see cref="StoreUnusableException"/> when a marker exists but cannot be read.
    /// </summary>
    StoreIdentity? Read();

    /// <summary>Records the identity; called at a first start, or when the marker was lost but the store was not.</summary>
    void Write(StoreIdentity identity);
}

/// <summary>
/// No marker: loss of the store's data cannot be told from a first start. For adapters whose
/// operator has not configured one (see docs/storage.md); the store still gets its identity.
/// </summary>
public sealed class NoStoreMarker(string location) : IStoreMarker
{
    public string Location => location;

    public StoreIdentity? Read() => null;

    public void Write(StoreIdentity identity)
    {
    }
}

/// <summary>
/// A marker an operator keeps in configuration: the store id the store must hold. Read-only:
/// with it set, a store without that identity never starts, and nothing is ever written.
/// </summary>
public sealed class ConfiguredStoreMarker(string setting, Guid expectedStoreId) : IStoreMarker
{
    public string Location => $"the setting {setting}";

    // The time is not configured; the id is what is compared.
    public StoreIdentity? Read() => new(expectedStoreId, DateTimeOffset.MinValue);

    public void Write(StoreIdentity identity) =>
        throw new InvalidOperationException($"{Location} is read-only and already names store id {expectedStoreId}.");
}
