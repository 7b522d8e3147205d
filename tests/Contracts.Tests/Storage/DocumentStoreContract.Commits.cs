using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

// Multi-write commits: all or nothing, and optimistic concurrency under racing writers.
public abstract partial class DocumentStoreContract
{
    private const int Racers = 12;

    [Fact]
    public async Task A_commit_returns_each_new_version_in_order_and_sees_its_own_earlier_writes()
    {
        await Store.CommitAsync([Insert(Things, "b"), Insert(Things, "c")]);

        var versions = await Store.CommitAsync(
        [
            Insert(Things, "a"),
            Replace(Things, "b", 1),
            new DeleteDocument(Things, "c", 1),
            Replace(Things, "a", 1, Named("a, edited in the same commit")),
            Insert(Others, "c"),
        ]);

        Assert.Equal([1L, 2L, 0L, 2L, 1L], versions);
        await AssertStoredAsync(Things, "a", 2, Named("a, edited in the same commit"));
        Assert.Null(await Store.FindAsync(Things, "c"));
    }

    [Fact]
    public async Task A_commit_whose_last_write_is_a_duplicate_stores_none_of_its_writes()
    {
        await Store.CommitAsync([Insert(Things, "kept", Named("kept")), Insert(Things, "doomed", Named("doomed"))]);

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => Store.CommitAsync(
        [
            Insert(Things, "new", Named("new"), "tag"),
            Replace(Things, "kept", 1, Named("changed"), "tag"),
            new DeleteDocument(Things, "doomed", 1),
            Insert(Others, "elsewhere"),
            Insert(Things, "kept"),
        ]));

        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task A_commit_whose_last_write_is_stale_stores_none_of_its_writes()
    {
        await Store.CommitAsync([Insert(Things, "kept", Named("kept")), Insert(Things, "doomed", Named("doomed"))]);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(
        [
            Insert(Things, "new", Named("new"), "tag"),
            Replace(Things, "kept", 1, Named("changed"), "tag"),
            new DeleteDocument(Things, "doomed", 1),
            Insert(Others, "elsewhere"),
            Replace(Things, "kept", 1, Named("stale: kept is at version 2 inside this commit")),
        ]));

        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Pinging_a_working_store_answers_true()
    {
        Assert.True(await Store.PingAsync());
    }

    private async Task AssertNothingChangedAsync()
    {
        Assert.Null(await Store.FindAsync(Things, "new"));
        Assert.Null(await Store.FindAsync(Others, "elsewhere"));
        await AssertStoredAsync(Things, "kept", 1, Named("kept"));
        await AssertStoredAsync(Things, "doomed", 1, Named("doomed"));
        Assert.Empty(await QueryIdsAsync(Things, new DocumentQuery(Tag: "tag")));
    }

    [Fact]
    public async Task Racing_replaces_of_the_same_version_let_exactly_one_win()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("start"))]);

        var outcomes = await RaceAsync(racer => Store.CommitAsync([Replace(Things, "a", 1, Named($"racer {racer}"))]));

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null);
        Assert.All(outcomes.Where(outcome => outcome != winner), outcome =>
            Assert.Equal((long?)2, Assert.IsType<ConcurrencyConflictException>(outcome.Error).ActualVersion));
        await AssertStoredAsync(Things, "a", 2, Named($"racer {winner.Racer}"));
    }

    [Fact]
    public async Task Racing_inserts_of_the_same_id_let_exactly_one_win()
    {
        var outcomes = await RaceAsync(racer => Store.CommitAsync([Insert(Things, "a", Named($"racer {racer}"))]));

        var winner = Assert.Single(outcomes, outcome => outcome.Error is null);
        Assert.All(outcomes.Where(outcome => outcome != winner), outcome => Assert.IsType<DuplicateDocumentException>(outcome.Error));
        await AssertStoredAsync(Things, "a", 1, Named($"racer {winner.Racer}"));
    }

    private sealed record Outcome(int Racer, Exception? Error);

    // Every racer waits on one gate, so the commits really overlap instead of running in start order.
    private static async Task<Outcome[]> RaceAsync(Func<int, Task> commit)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, Racers).Select(racer => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await commit(racer);
                return new Outcome(racer, null);
            }
            catch (Exception e)
            {
                return new Outcome(racer, e);
            }
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(racers);
    }
}
