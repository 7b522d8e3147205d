using Microsoft.Extensions.Logging.Abstractions;
using Samverkan.Coverage.Model;
using Samverkan.Coverage.ReadModel;
using Samverkan.Events;
using Samverkan.Storage.Sqlite;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// A snapshot whose stream breaks partway (the producer went away mid-stream) has already
/// committed the position's "rebuilding" mark: the next attempt must still go through, not
/// conflict for ever on a version the model in memory never learnt.
/// </summary>
public sealed class SnapshotFailureTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("snapshot-failure");
    private readonly SqliteDocumentStore _store;

    public SnapshotFailureTests() => _store = new SqliteDocumentStore(Path.Combine(_data.Path, "coverage.db"));

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_snapshot_broken_midway_is_taken_whole_on_the_next_attempt()
    {
        var model = new CoverageReadModel(new ReadModelStore(_store), TimeProvider.System, NullLogger<CoverageReadModel>.Instance);
        await model.LoadAsync(CancellationToken.None);
        await model.ApplySnapshotAsync(Topics.Regions, Parts(position: 3, Region("r-1")), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => model.ApplySnapshotAsync(Topics.Regions, Broken(position: 5, Region("r-1"), Region("r-2")), CancellationToken.None));
        await model.ApplySnapshotAsync(Topics.Regions, Parts(position: 6, Region("r-2"), Region("r-3")), CancellationToken.None);

        var position = model.Current.PositionOf(Topics.Regions);
        Assert.True(position.Built, $"The position is {position}");
        Assert.Equal(6, position.Floor);
        Assert.Equal(["r-2", "r-3"], model.Current.Regions.Values.Where(held => held.Value is not null).Select(held => held.Id).Order());
        var reloaded = new CoverageReadModel(new ReadModelStore(_store), TimeProvider.System, NullLogger<CoverageReadModel>.Instance);
        await reloaded.LoadAsync(CancellationToken.None);
        var stored = reloaded.Current.PositionOf(Topics.Regions);
        Assert.Equal((6L, false, position.StoreVersion), (stored.Floor, stored.Rebuilding, stored.StoreVersion));
    }

    private static RecordReader.Change Region(string id) =>
        new(Topics.Regions, id, new RegionRecord(id, $"Region {id}", $"Region {id}", [], Version: 1));

    private static async IAsyncEnumerable<SnapshotPart> Parts(long position, params RecordReader.Change[] items)
    {
        await Task.Yield();
        yield return new SnapshotPart(position, items, ContactStaleAfterMonths: null);
    }

    private static async IAsyncEnumerable<SnapshotPart> Broken(long position, params RecordReader.Change[] items)
    {
        await Task.Yield();
        yield return new SnapshotPart(position, items, ContactStaleAfterMonths: null);
        throw new IOException("The producer closed the stream.");
    }
}
