using Samverkan.Storage;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// What the SQLite adapter checks when it opens a file, before anything is written to it: a file
/// whose data is gone, or that is damaged, is refused with the file named and left as it was.
/// </summary>
public sealed class SqliteStoreOpeningTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "samverkan-opening-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "forums.db");

    [Theory]
    [InlineData(Damage.Deleted)]
    [InlineData(Damage.Emptied)]
    public async Task A_database_deleted_or_emptied_after_its_first_start_is_refused_and_left_as_it_is(Damage damage)
    {
        await InitialiseAsync();
        StoreDamage.Apply(damage, DatabasePath);
        var before = StoreDamage.Snapshot(DatabasePath);

        var refused = Assert.Throws<StoreUnusableException>(() => new SqliteDocumentStore(DatabasePath));

        Assert.Equal(DatabasePath, refused.Store);
        Assert.Contains($"The store {DatabasePath} is missing or empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteDocumentStore.MarkerPathFor(DatabasePath), refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, StoreDamage.Snapshot(DatabasePath));
    }

    [Fact]
    public async Task A_database_with_garbage_in_its_pages_is_refused_as_damaged_and_left_as_it_is()
    {
        await InitialiseAsync();
        StoreDamage.Apply(Damage.Garbled, DatabasePath);
        var before = StoreDamage.Snapshot(DatabasePath);

        var refused = Assert.Throws<StoreUnusableException>(() => new SqliteDocumentStore(DatabasePath));

        Assert.StartsWith($"The store {DatabasePath} is damaged: ", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, StoreDamage.Snapshot(DatabasePath));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_as_damaged()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(DatabasePath, new string('x', 3 * 4096));

        var refused = Assert.Throws<StoreUnusableException>(() => new SqliteDocumentStore(DatabasePath));

        Assert.StartsWith($"The store {DatabasePath} is damaged: SQLite cannot read it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_marker_is_beside_the_database_under_a_name_that_removing_its_files_leaves()
    {
        var marker = SqliteDocumentStore.MarkerPathFor(DatabasePath);

        Assert.Equal(Path.Combine(_directory, "forums.initialised"), marker);
        Assert.DoesNotContain("forums.db", marker, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A first start, with enough data for the file to have pages to garble, then a clean close.</summary>
    private async Task InitialiseAsync()
    {
        using var store = new SqliteDocumentStore(DatabasePath);
        await StoreInitialisation.OpenAsync(store, DatabasePath, new FileStoreMarker(SqliteDocumentStore.MarkerPathFor(DatabasePath)), DateTimeOffset.UtcNow);
        var text = new string('a', 400);
        await store.CommitAsync([.. Enumerable.Range(0, 300).Select(i => new InsertDocument("forums", $"forum-{i:D4}", $$"""{"name":"{{text}} {{i}}"}""", [$"tag-{i % 7}"]))]);
    }
}
