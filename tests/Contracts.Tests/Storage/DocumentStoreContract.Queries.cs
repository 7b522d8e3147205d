using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

// Scans: id order, paging after an id, exact tags, and isolation between collections.
public abstract partial class DocumentStoreContract
{
    [Fact]
    public async Task Queries_return_documents_in_ordinal_id_order()
    {
        string[] ids = ["b", "a", "B", "10", "9", "ä", "a-b", "a_b", "ab", "A", "Ö", "z"];
        await Store.CommitAsync(ids.Select(id => Insert(Things, id)).ToArray());

        var expected = ids.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["10", "9", "A", "B", "a", "a-b", "a_b", "ab", "b", "z", "Ö", "ä"], expected);
        Assert.Equal(expected, await QueryIdsAsync(Things, new DocumentQuery()));
    }

    [Fact]
    public async Task Ids_order_by_code_point_so_characters_beyond_U_FFFF_sort_after_U_FFFD()
    {
        // Both adapters compare UTF-8 bytes (code point order). UTF-16 ordinal order differs only
        // here: it puts a surrogate pair (0xD800-0xDBFF) before U+E000-U+FFFF.
        string[] ids = ["\U0001F600", "\uFFFD", "\uE000", "z"];
        await Store.CommitAsync(ids.Select(id => Insert(Things, id)).ToArray());

        Assert.Equal(["z", "\uE000", "\uFFFD", "\U0001F600"], await QueryIdsAsync(Things, new DocumentQuery()));
        Assert.Equal(["\U0001F600"], await QueryIdsAsync(Things, new DocumentQuery(AfterId: "\uFFFD")));
    }

    [Fact]
    public async Task Querying_after_an_id_returns_only_later_ids()
    {
        await Store.CommitAsync(new[] { "a", "b", "c", "d" }.Select(id => Insert(Things, id)).ToArray());

        Assert.Equal(["c", "d"], await QueryIdsAsync(Things, new DocumentQuery(AfterId: "b")));
        Assert.Equal(["c", "d"], await QueryIdsAsync(Things, new DocumentQuery(AfterId: "bb")));
        Assert.Equal(["a", "b", "c", "d"], await QueryIdsAsync(Things, new DocumentQuery(AfterId: "")));
        Assert.Empty(await QueryIdsAsync(Things, new DocumentQuery(AfterId: "d")));
    }

    [Fact]
    public async Task Querying_by_tag_returns_only_documents_carrying_exactly_that_tag()
    {
        await Store.CommitAsync(
        [
            Insert(Things, "c", null, "region:skane", "kind:municipality"),
            Insert(Things, "a", null, "region:skane"),
            Insert(Things, "b", null, "region:Skane", "region:skane-north", "region"),
            Insert(Things, "d", null),
            Insert(Things, "e", null, "kind:municipality", "region:skane"),
        ]);

        Assert.Equal(["a", "c", "e"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "region:skane")));
        Assert.Equal(["e"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "region:skane", AfterId: "c")));
        Assert.Empty(await QueryIdsAsync(Things, new DocumentQuery(Tag: "region:sk")));
    }

    [Fact]
    public async Task Repeating_a_tag_on_one_write_lists_the_document_once()
    {
        await Store.CommitAsync([Insert(Things, "a", null, "x", "x")]);
        await Store.CommitAsync([Replace(Things, "a", 1, null, "y", "y", "x")]);

        Assert.Equal(["a"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "y")));
        Assert.Equal(["a"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "x")));
    }

    [Fact]
    public async Task Replacing_a_document_replaces_its_tags()
    {
        await Store.CommitAsync([Insert(Things, "a", null, "old", "kept")]);

        await Store.CommitAsync([Replace(Things, "a", 1, null, "new", "kept")]);

        Assert.Empty(await QueryIdsAsync(Things, new DocumentQuery(Tag: "old")));
        Assert.Equal(["a"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "new")));
        Assert.Equal(["a"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "kept")));
    }

    [Fact]
    public async Task Deleting_a_document_removes_it_from_tag_queries()
    {
        await Store.CommitAsync([Insert(Things, "a", null, "t"), Insert(Things, "b", null, "t")]);

        await Store.CommitAsync([new DeleteDocument(Things, "a", 1)]);

        Assert.Equal(["b"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "t")));
        // A later document under the same id must not inherit the deleted one's tags.
        await Store.CommitAsync([Insert(Things, "a")]);
        Assert.Equal(["b"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "t")));
    }

    [Fact]
    public async Task Queries_across_many_batches_return_every_document_once_in_order()
    {
        // More than twice the SQLite adapter's batch of 256, so batch boundaries are crossed with and without a tag.
        var ids = Enumerable.Range(0, 700).Select(i => $"doc-{i:D4}").ToList();
        await Store.CommitAsync(ids.Select((id, i) => Insert(Things, id, null, i % 2 == 0 ? "even" : "odd")).ToArray());

        Assert.Equal(ids, await QueryIdsAsync(Things, new DocumentQuery()));
        Assert.Equal(ids.Where((_, i) => i % 2 == 0), await QueryIdsAsync(Things, new DocumentQuery(Tag: "even")));
        Assert.Equal(ids.Skip(301), await QueryIdsAsync(Things, new DocumentQuery(AfterId: ids[300])));
        Assert.Equal(ids.Where((_, i) => i > 300 && i % 2 == 1), await QueryIdsAsync(Things, new DocumentQuery("odd", ids[300])));

        var firstThree = new List<string>();
        await foreach (var document in Store.QueryAsync(Things, new DocumentQuery()))
        {
            firstThree.Add(document.Id);
            if (firstThree.Count == 3)
            {
                break;
            }
        }
        Assert.Equal(ids.Take(3), firstThree);
    }

    [Fact]
    public async Task Collections_are_isolated_from_each_other()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("thing"), "t"), Insert(Others, "a", Named("other"), "t"), Insert(Others, "b")]);

        await Store.CommitAsync([Replace(Things, "a", 1, Named("thing, edited"))]);
        await Store.CommitAsync([new DeleteDocument(Others, "b", 1)]);

        await AssertStoredAsync(Things, "a", 2, Named("thing, edited"));
        await AssertStoredAsync(Others, "a", 1, Named("other"));
        Assert.Equal(["a"], await QueryIdsAsync(Others, new DocumentQuery()));
        Assert.Equal(["a"], await QueryIdsAsync(Others, new DocumentQuery(Tag: "t")));
        Assert.Empty(await QueryIdsAsync(Things, new DocumentQuery(Tag: "t")));
        Assert.Empty(await QueryIdsAsync("never-written", new DocumentQuery()));
    }
}
