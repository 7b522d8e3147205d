using Samverkan.Storage;
using Samverkan.Storage.Leases;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>The contract against the embedded adapter, on a real file in a temporary directory of its own.</summary>
public sealed class SqliteDocumentStoreContract : DocumentStoreContract
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "samverkan-contracts-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "store.db");

    protected override Task<IDocumentStore> OpenStoreAsync() => Task.FromResult<IDocumentStore>(new SqliteDocumentStore(DatabasePath));

    protected override Task DeleteStoreAsync()
    {
        (Store as IDisposable)?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Documents_survive_disposing_and_reopening_the_store()
    {
        await Store.CommitAsync([Insert(Things, "a", Named("one"), "t"), Insert(Things, "b")]);
        await Store.CommitAsync([Replace(Things, "a", 1, Named("two"), "t"), new DeleteDocument(Things, "b", 1)]);
        ((IDisposable)Store).Dispose();

        Store = new SqliteDocumentStore(DatabasePath);

        await AssertStoredAsync(Things, "a", 2, Named("two"));
        Assert.Null(await Store.FindAsync(Things, "b"));
        Assert.Equal(["a"], await QueryIdsAsync(Things, new DocumentQuery(Tag: "t")));
        Assert.Equal([3L], await Store.CommitAsync([Replace(Things, "a", 2)]));
    }

    [Fact]
    public async Task Two_stores_on_one_file_as_two_replicas_share_its_leases_and_fences()
    {
        using var replica = new SqliteDocumentStore(DatabasePath);
        var leases = (ILeaseStore)Store;
        var first = (await leases.TryAcquireAsync("relay:things", "a", TimeSpan.FromMilliseconds(200)))!;

        Assert.Null(await replica.TryAcquireAsync("relay:things", "b", TimeSpan.FromMinutes(1)));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var second = (await replica.TryAcquireAsync("relay:things", "b", TimeSpan.FromMinutes(1)))!;

        Assert.Equal(2, second.Epoch);
        await Assert.ThrowsAsync<LeaseLostException>(() => Store.CommitAsync([Insert(Things, "a"), first.Fence]));
        await replica.CommitAsync([Insert(Things, "b"), second.Fence]);
        Assert.Equal(["b"], await QueryIdsAsync(Things, new DocumentQuery()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_forgetting_old_versions_neither_a_replaced_nor_a_deleted_value_is_left_in_the_files(bool delete)
    {
        var secret = $"Hemlig {Guid.NewGuid():N}";
        await Store.CommitAsync([Insert(Things, "a", Named(secret))]);
        Assert.True(FilesContain(secret), "The search must see the value before it is erased.");

        await Store.CommitAsync([delete ? new DeleteDocument(Things, "a", 1) : Replace(Things, "a", 1, Named("redacted"))]);
        await Store.ForgetOldVersionsAsync();

        Assert.False(FilesContain(secret));
    }

    /// <summary>Whether the text's UTF-8 bytes occur in any of the store's files (database, log, shared memory).</summary>
    private bool FilesContain(string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(_directory).Any(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
