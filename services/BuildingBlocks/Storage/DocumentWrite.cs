namespace Samverkan.Storage;

/// <summary>One write in a <see cref="IDocumentStore.CommitAsync"/> transaction.</summary>
public abstract record DocumentWrite(string Collection, string Id);

/// <summary>Creates a document at version 1; fails when the id exists.</summary>
public sealed record InsertDocument(string Collection, string Id, string Json, IReadOnlyCollection<string> Tags)
    : DocumentWrite(Collection, Id);

/// <summary>Replaces a document whose current version is <paramref name="ExpectedVersion"/>.</summary>
public sealed record ReplaceDocument(string Collection, string Id, string Json, IReadOnlyCollection<string> Tags, long ExpectedVersion)
    : DocumentWrite(Collection, Id);

/// <summary>Removes a document whose current version is <paramref name="ExpectedVersion"/>.</summary>
public sealed record DeleteDocument(string Collection, string Id, long ExpectedVersion)
    : DocumentWrite(Collection, Id);

/// <summary>
/// Appends a document to a log-like collection under the next number of the collection's own
/// sequence (1, 2, 3, ...), assigned inside the transaction: numbers are gap-free because a
/// rolled-back commit takes none. The id is <see cref="SequenceId.Format"/> of the number, so
/// id order is sequence order; the commit returns the number in place of a version.
/// </summary>
public sealed record AppendDocument(string Collection, string Json, IReadOnlyCollection<string> Tags)
    : DocumentWrite(Collection, "");
