using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Samverkan.Storage;

/// <summary>A value with the version it was stored at.</summary>
public sealed record Versioned<T>(T Value, long Version);

/// <summary>
/// A typed view of one collection: serializes <typeparamref name="T"/> with <see cref="StorageJson.Options"/>
/// and derives each document's id and lookup tags from the value itself, so they cannot drift.
/// </summary>
public sealed class DocumentCollection<T>(
    IDocumentStore store,
    string name,
    Func<T, string> idOf,
    Func<T, IEnumerable<string>>? tagsOf = null) where T : class
{
    public string Name { get; } = name;

    public IDocumentStore Store { get; } = store;

    /// <summary>The same collection read and written through another store (such as one fenced by a lease).</summary>
    public DocumentCollection<T> On(IDocumentStore other) => new(other, Name, idOf, tagsOf);

    public async Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var stored = await Store.FindAsync(Name, id, cancellationToken);
        return stored is null ? null : Read(stored);
    }

    public async IAsyncEnumerable<Versioned<T>> QueryAsync(
        string? tag = null, string? afterId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in Store.QueryAsync(Name, new DocumentQuery(tag, afterId), cancellationToken))
        {
            yield return Read(stored);
        }
    }

    public DocumentWrite Insert(T value) => new InsertDocument(Name, idOf(value), Serialize(value), TagsOf(value));

    public DocumentWrite Replace(T value, long expectedVersion) =>
        new ReplaceDocument(Name, idOf(value), Serialize(value), TagsOf(value), expectedVersion);

    public DocumentWrite Delete(string id, long expectedVersion) => new DeleteDocument(Name, id, expectedVersion);

    public async Task<Versioned<T>> InsertAsync(T value, CancellationToken cancellationToken = default) =>
        new(value, (await Store.CommitAsync([Insert(value)], cancellationToken))[0]);

    public async Task<Versioned<T>> ReplaceAsync(T value, long expectedVersion, CancellationToken cancellationToken = default) =>
        new(value, (await Store.CommitAsync([Replace(value, expectedVersion)], cancellationToken))[0]);

    public Task DeleteAsync(string id, long expectedVersion, CancellationToken cancellationToken = default) =>
        Store.CommitAsync([Delete(id, expectedVersion)], cancellationToken);

    private static Versioned<T> Read(StoredDocument stored) =>
        new(JsonSerializer.Deserialize<T>(stored.Json, StorageJson.Options)
            ?? throw new InvalidDataException($"Document {stored.Id} holds null."), stored.Version);

    private static string Serialize(T value) => JsonSerializer.Serialize(value, StorageJson.Options);

    private string[] TagsOf(T value) => tagsOf is null ? [] : tagsOf(value).Distinct(StringComparer.Ordinal).ToArray();
}
