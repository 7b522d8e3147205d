namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// One entity of the read model: its value (null once the producer removed it, kept as a
/// tombstone so an older event delivered late cannot bring it back), the producer's sequence of
/// the event or snapshot that wrote it, and the version of its document in this service's store.
/// </summary>
public sealed record Held<T>(string Id, T? Value, long Sequence, long StoreVersion) where T : class;

/// <summary>The stored form of <see cref="Held{T}"/>: the document's version is the store's own.</summary>
public sealed record HeldDocument<T>(string Id, T? Value, long Sequence) where T : class;
