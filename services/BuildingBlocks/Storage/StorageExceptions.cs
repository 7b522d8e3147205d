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
