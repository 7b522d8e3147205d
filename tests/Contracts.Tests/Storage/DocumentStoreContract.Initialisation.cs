using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

// Telling a first start from a store whose data is gone: the identity inside the store against
// the marker kept outside it (a file here, as the SQLite hosting keeps it; the adapters differ only in the store).
public abstract partial class DocumentStoreContract
{
    private const string StoreName = "the store under test";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly string _markers = Path.Combine(Path.GetTempPath(), "samverkan-markers-" + Guid.NewGuid().ToString("N"));

    private FileStoreMarker Marker => new(Path.Combine(_markers, "store.initialised"));

    /// <summary>Opens the store as a service's first start does, so that it may be seeded.</summary>
    protected Task OpenAsFirstStartAsync() => StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);

    [Fact]
    public async Task A_first_opening_writes_one_identity_into_the_store_and_the_marker()
    {
        var (identity, opening) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);

        Assert.Equal(StoreOpening.FirstStart, opening);
        Assert.Equal(Now, identity.InitialisedAt);
        Assert.Equal(identity, await StoreInitialisation.ReadIdentityAsync(Store));
        Assert.Equal(identity, Marker.Read());
    }

    [Fact]
    public async Task Opening_again_verifies_the_identity_the_marker_records()
    {
        var (first, _) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);

        var (again, opening) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now.AddDays(1));

        Assert.Equal((first, StoreOpening.Verified), (again, opening));
    }

    [Fact]
    public async Task An_empty_store_whose_marker_records_an_identity_is_refused_and_left_empty()
    {
        var recorded = new StoreIdentity(Guid.NewGuid(), Now.AddYears(-1));
        Marker.Write(recorded);

        var refused = await Assert.ThrowsAsync<StoreUnusableException>(() => StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now));

        Assert.Equal(StoreName, refused.Store);
        Assert.Contains($"The store {StoreName} is missing or empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains(recorded.StoreId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains($"remove {Marker.Location}", refused.Message, StringComparison.Ordinal);
        Assert.Null(await StoreInitialisation.ReadIdentityAsync(Store));
        Assert.Equal(recorded, Marker.Read());
    }

    [Fact]
    public async Task A_store_holding_another_identity_than_its_marker_records_is_refused()
    {
        var (held, _) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);
        var recorded = new StoreIdentity(Guid.NewGuid(), Now);
        Marker.Write(recorded);

        var refused = await Assert.ThrowsAsync<StoreUnusableException>(() => StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now));

        Assert.Contains($"The store {StoreName} is not the one initialised here", refused.Message, StringComparison.Ordinal);
        Assert.Contains(held.StoreId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains(recorded.StoreId.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Equal(held, await StoreInitialisation.ReadIdentityAsync(Store));
    }

    [Fact]
    public async Task A_lost_marker_is_written_again_from_the_identity_the_store_holds()
    {
        var (held, _) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);
        File.Delete(Marker.Location);

        var (again, opening) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now.AddDays(1));

        Assert.Equal((held, StoreOpening.MarkerRewritten), (again, opening));
        Assert.Equal(held, Marker.Read());
    }

    [Fact]
    public async Task Racing_first_openings_agree_on_one_identity()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var openings = Enumerable.Range(0, Racers).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            return await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);
        })).ToArray();
        gate.SetResult();

        var opened = await Task.WhenAll(openings);

        var identity = Assert.Single(opened.Select(o => o.Identity).Distinct());
        Assert.Equal(identity, await StoreInitialisation.ReadIdentityAsync(Store));
        Assert.Equal(identity, Marker.Read());
    }

    [Fact]
    public async Task A_configured_store_id_refuses_an_empty_store_and_accepts_the_store_it_names()
    {
        var configured = new ConfiguredStoreMarker("Storage:MongoDB:StoreId", Guid.NewGuid());
        var refused = await Assert.ThrowsAsync<StoreUnusableException>(() => StoreInitialisation.OpenAsync(Store, StoreName, configured, Now));
        Assert.Contains("the setting Storage:MongoDB:StoreId", refused.Message, StringComparison.Ordinal);

        var (identity, _) = await StoreInitialisation.OpenAsync(Store, StoreName, Marker, Now);
        var naming = new ConfiguredStoreMarker("Storage:MongoDB:StoreId", identity.StoreId);

        Assert.Equal((identity, StoreOpening.Verified), await StoreInitialisation.OpenAsync(Store, StoreName, naming, Now));
    }

    [Fact]
    public async Task A_store_that_was_not_opened_is_not_seeded()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SeedLoader.SeedOnceAsync(Store, "regions-v1", [Insert("regions", "r1")]));

        Assert.Empty(await QueryIdsAsync("regions", new DocumentQuery()));
        Assert.Null(await Store.FindAsync(SeedLoader.MarkerCollection, "regions-v1"));
    }

    private void DeleteMarkers()
    {
        if (Directory.Exists(_markers))
        {
            Directory.Delete(_markers, recursive: true);
        }
    }
}
