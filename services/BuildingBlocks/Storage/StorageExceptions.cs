namespace Samverkan.Storage;

/// <summary>A write expected a version the document no longer (or never) had.</summary>
public sealed class ConcurrencyConflictException(string collection, string id, long expected, long? actual)
    : Exception($"Document {collection}/{id} is at version {actual?.ToString() ?? "none"}, not {expected}.")
{
    public string Collection { get; } = collection;
    public string Id { get; } = id;
    public long ExpectedVersion { get; } = expected;
    /// <summary>The stored version, or null when the document does not exist.</summary>
    public long? ActualVersion { get; } = actual;
}

/// <summary>An insert named an id that the collection already holds.</summary>
public sealed class DuplicateDocumentException(string collection, string id)
    : Exception($"Document {collection}/{id} already exists.")
{
    public string Collection { get; } = collection;
    public string Id { get; } = id;
}

/// <summary>
/// The store cannot be used: its data is gone, it is another store than the one initialised
/// here, or it is damaged. The message names the store and says how an operator recovers; a
/// service that gets this at start does not start.
/// </summary>
public sealed class StoreUnusableException(string store, string message, Exception? inner = null) : Exception(message, inner)
{
    private const string Refusal = "The service will not start, rather than seed a new registry over lost data or serve a store it cannot read.";

    /// <summary>The file or database that cannot be used.</summary>
    public string Store { get; } = store;

    public static StoreUnusableException DataGone(string store, string marker, StoreIdentity recorded) => new(store,
        $"The store {store} is missing or empty, but {marker} records that it was initialised ({recorded}): its data is gone. {Refusal} " +
        $"Restore the store from a backup; or, to start over with the seed, remove {marker} (or the whole data directory).");

    public static StoreUnusableException OtherStore(string store, string marker, StoreIdentity recorded, StoreIdentity held) => new(store,
        $"The store {store} is not the one initialised here: it holds {held}, but {marker} records {recorded}. {Refusal} " +
        $"Restore the right store from a backup; or, to keep this one, remove {marker}.");

    public static StoreUnusableException Damaged(string store, string marker, string problem, Exception? inner = null) => new(store,
        $"The store {store} is damaged: {problem}. {Refusal} " +
        $"Restore the store from a backup; or, to start over with the seed, remove it and {marker} (or the whole data directory).", inner);
}
