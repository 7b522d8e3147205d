using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>Appends: the transactional outbox and the change feed rest on these guarantees.</summary>
public abstract partial class DocumentStoreContract
{
    private const string Log = "log";

    private static AppendDocument Append(string json, params string[] tags) => new(Log, json, tags);

    [Fact]
    public async Task Appends_are_numbered_from_one_in_commit_order_and_found_by_their_padded_id()
    {
        var first = await Store.CommitAsync([Append(Named("a")), Append(Named("b"))]);
        var second = await Store.CommitAsync([Append(Named("c"))]);

        Assert.Equal([1L, 2L, 3L], [.. first, .. second]);
        var all = await Store.QueryAsync(Log, new DocumentQuery()).ToListAsync();
        Assert.Equal(["00000000000000000001", "00000000000000000002", "00000000000000000003"], all.Select(d => d.Id));
        AssertSameJson(Named("c"), (await Store.FindAsync(Log, SequenceId.Format(3)))!.Json);
    }

    [Fact]
    public async Task A_rolled_back_commit_takes_no_number_so_appends_have_no_gaps()
    {
        await Store.CommitAsync([Insert(Things, "a"), Append(Named("first"))]);

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.CommitAsync([Append(Named("lost")), Insert(Things, "a")]));
        var next = await Store.CommitAsync([Append(Named("second"))]);

        Assert.Equal([2L], next);
        Assert.Equal(2, await Store.QueryAsync(Log, new DocumentQuery()).CountAsync());
    }

    [Fact]
    public async Task Racing_appends_get_distinct_consecutive_numbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            (await Store.CommitAsync([Append(Named($"n{i}"))]))[0]));

        Assert.Equal(Enumerable.Range(1, 40).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task Each_collection_has_its_own_sequence()
    {
        await Store.CommitAsync([Append(Named("a")), new AppendDocument(Others, Named("x"), [])]);

        Assert.NotNull(await Store.FindAsync(Others, SequenceId.Format(1)));
        Assert.NotNull(await Store.FindAsync(Log, SequenceId.Format(1)));
    }
}
