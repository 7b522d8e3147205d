using System.Text.Json.Nodes;
using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// The storage port's contract, written once and run against every adapter by a subclass. Each
/// test gets a fresh, empty store. An adapter whose tests need an outside server skips in
/// <see cref="OpenStoreAsync"/> when it has none (see <see cref="MongoDocumentStoreContract"/>).
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    protected const string Things = "things";
    protected const string Others = "others";

    protected IDocumentStore Store { get; set; } = null!;

    /// <summary>Opens a store over fresh, empty storage that belongs to this test alone.</summary>
    protected abstract Task<IDocumentStore> OpenStoreAsync();

    /// <summary>Closes the store and removes everything this test stored.</summary>
    protected abstract Task DeleteStoreAsync();

    public async ValueTask InitializeAsync() => Store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        // A test skipped while opening its store has nothing to delete.
        if (Store is not null)
        {
            await DeleteStoreAsync();
        }
        DeleteMarkers();
    }

    [Fact]
    public async Task Inserting_a_document_then_finding_it_returns_its_json_at_version_1()
    {
        var versions = await Store.CommitAsync([Insert(Things, "a", """{"name":"Alpha","size":3}""")]);

        Assert.Equal([1L], versions);
        var found = await Store.FindAsync(Things, "a");
        Assert.NotNull(found);
        Assert.Equal("a", found.Id);
        Assert.Equal(1, found.Version);
        AssertSameJson("""{"name":"Alpha","size":3}""", found.Json);
    }

    [Fact]
    public async Task Finding_a_missing_document_returns_null()
    {
        await Store.CommitAsync([Insert(Things, "a")]);

        Assert.Null(await Store.FindAsync(Things, "b"));
        Assert.Null(await Store.FindAsync(Others, "a"));
    }

    [Fact]
    public async Task Inserting_an_existing_id_throws_and_keeps_the_original()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("original"))]);

        var e = await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.CommitAsync([Insert(Things, "a", Named("copy"))]));

        Assert.Equal((Things, "a"), (e.Collection, e.Id));
        await AssertStoredAsync(Things, "a", 1, Named("original"));
    }

    [Fact]
    public async Task Replacing_bumps_the_version_by_one_and_stores_the_new_json()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("one"))]);

        Assert.Equal([2L], await Store.CommitAsync([Replace(Things, "a", 1, Named("two"))]));
        Assert.Equal([3L], await Store.CommitAsync([Replace(Things, "a", 2, Named("three"))]));

        await AssertStoredAsync(Things, "a", 3, Named("three"));
    }

    [Fact]
    public async Task Replacing_with_a_stale_version_throws_and_keeps_the_stored_document()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("one"))]);
        await Store.CommitAsync([Replace(Things, "a", 1, Named("two"))]);

        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CommitAsync([Replace(Things, "a", 1, Named("stale"))]));

        Assert.Equal((Things, "a", 1L, (long?)2L), (e.Collection, e.Id, e.ExpectedVersion, e.ActualVersion));
        await AssertStoredAsync(Things, "a", 2, Named("two"));
    }

    [Fact]
    public async Task Replacing_a_missing_document_throws_a_conflict_without_an_actual_version()
    {
        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync([Replace(Things, "a", 1)]));

        Assert.Equal((1L, (long?)null), (e.ExpectedVersion, e.ActualVersion));
        Assert.Null(await Store.FindAsync(Things, "a"));
    }

    [Fact]
    public async Task Deleting_removes_the_document_and_returns_version_0()
    {
        await Store.CommitAsync([Insert(Things, "a"), Insert(Things, "b")]);

        Assert.Equal([0L], await Store.CommitAsync([new DeleteDocument(Things, "a", 1)]));

        Assert.Null(await Store.FindAsync(Things, "a"));
        Assert.NotNull(await Store.FindAsync(Things, "b"));
    }

    [Fact]
    public async Task Deleting_with_a_stale_version_throws_and_keeps_the_document()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("one"))]);
        await Store.CommitAsync([Replace(Things, "a", 1, Named("two"))]);

        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync([new DeleteDocument(Things, "a", 1)]));

        Assert.Equal((1L, (long?)2L), (e.ExpectedVersion, e.ActualVersion));
        await AssertStoredAsync(Things, "a", 2, Named("two"));
    }

    [Fact]
    public async Task Deleting_a_missing_document_throws_a_conflict_without_an_actual_version()
    {
        var e = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync([new DeleteDocument(Things, "a", 1)]));

        Assert.Equal((Things, "a", 1L, (long?)null), (e.Collection, e.Id, e.ExpectedVersion, e.ActualVersion));
    }

    [Fact]
    public async Task Inserting_again_after_a_delete_starts_over_at_version_1()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("first"))]);
        await Store.CommitAsync([Replace(Things, "a", 1, Named("first, edited"))]);
        await Store.CommitAsync([new DeleteDocument(Things, "a", 2)]);

        Assert.Equal([1L], await Store.CommitAsync([Insert(Things, "a", Named("second"))]));
        await AssertStoredAsync(Things, "a", 1, Named("second"));
    }

    protected static InsertDocument Insert(string collection, string id, string? json = null, params string[] tags) =>
        new(collection, id, json ?? Named(id), tags);

    protected static ReplaceDocument Replace(string collection, string id, long expectedVersion, string? json = null, params string[] tags) =>
        new(collection, id, json ?? Named(id), tags, expectedVersion);

    protected static string Named(string name) => new JsonObject { ["name"] = name }.ToJsonString();

    protected async Task<List<string>> QueryIdsAsync(string collection, DocumentQuery query)
    {
        var ids = new List<string>();
        await foreach (var document in Store.QueryAsync(collection, query))
        {
            ids.Add(document.Id);
        }
        return ids;
    }

    protected async Task AssertStoredAsync(string collection, string id, long version, string json)
    {
        var found = await Store.FindAsync(collection, id);
        Assert.NotNull(found);
        Assert.Equal(version, found.Version);
        AssertSameJson(json, found.Json);
    }

    // Adapters may re-serialize: the contract is the same JSON value, not the same bytes.
    protected static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected} but found {actual}.");
}
