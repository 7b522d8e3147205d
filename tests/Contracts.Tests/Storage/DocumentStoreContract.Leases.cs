using Samverkan.Storage.Leases;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// The lease part of the port (<see cref="ILeaseStore"/>): one grant at a time, epochs that only
/// grow, expiry on the store's clock, and commits fenced by an epoch. Real time with short
/// durations, since the MongoDB adapter measures expiry on the server's clock.
/// </summary>
public abstract partial class DocumentStoreContract
{
    private const string Lease = "relay:things";
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private ILeaseStore Leases => (ILeaseStore)Store;

    [Fact]
    public async Task The_first_grant_has_epoch_1_and_nobody_else_gets_the_lease_while_it_runs()
    {
        var first = await Leases.TryAcquireAsync(Lease, "a", Long);

        Assert.Equal(new LeaseGrant(Lease, "a", 1), first);
        Assert.Null(await Leases.TryAcquireAsync(Lease, "b", Long));
        Assert.Null(await Leases.TryAcquireAsync(Lease, "a", Long));
        Assert.Equal(first, await Leases.CurrentAsync(Lease));
        Assert.NotNull(await Leases.TryAcquireAsync("relay:others", "b", Long));
    }

    [Fact]
    public async Task An_expired_grant_passes_to_the_next_holder_under_the_next_epoch_and_cannot_be_renewed()
    {
        var first = (await Leases.TryAcquireAsync(Lease, "a", Short))!;
        await Task.Delay(Short * 2);

        Assert.Null(await Leases.CurrentAsync(Lease));
        var second = await Leases.TryAcquireAsync(Lease, "b", Long);

        Assert.Equal(new LeaseGrant(Lease, "b", 2), second);
        Assert.False(await Leases.TryRenewAsync(first, Long));
        Assert.Equal(second, await Leases.CurrentAsync(Lease));
    }

    [Fact]
    public async Task An_expired_grant_is_lost_even_when_nobody_took_the_lease()
    {
        var first = (await Leases.TryAcquireAsync(Lease, "a", Short))!;
        await Task.Delay(Short * 2);

        Assert.False(await Leases.TryRenewAsync(first, Long));
        Assert.Equal(2, (await Leases.TryAcquireAsync(Lease, "a", Long))!.Epoch);
    }

    [Fact]
    public async Task Renewing_keeps_the_grant_past_its_first_expiry()
    {
        var grant = (await Leases.TryAcquireAsync(Lease, "a", Short * 2))!;
        await Task.Delay(Short);

        Assert.True(await Leases.TryRenewAsync(grant, Long));
        await Task.Delay(Short * 2);

        Assert.Equal(grant, await Leases.CurrentAsync(Lease));
        Assert.Null(await Leases.TryAcquireAsync(Lease, "b", Long));
    }

    [Fact]
    public async Task A_released_lease_is_free_at_once_and_a_stale_release_frees_nothing()
    {
        var first = (await Leases.TryAcquireAsync(Lease, "a", Long))!;
        await Leases.ReleaseAsync(first);

        Assert.Null(await Leases.CurrentAsync(Lease));
        var second = (await Leases.TryAcquireAsync(Lease, "b", Long))!;
        await Leases.ReleaseAsync(first);

        Assert.Equal(2, second.Epoch);
        Assert.Equal(second, await Leases.CurrentAsync(Lease));
    }

    [Fact]
    public async Task Of_holders_racing_for_a_free_lease_exactly_one_gets_it()
    {
        var grants = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Leases.TryAcquireAsync(Lease, $"holder-{i}", Long)));

        var winner = Assert.Single(grants.OfType<LeaseGrant>());
        Assert.Equal(1, winner.Epoch);
    }

    [Fact]
    public async Task A_commit_fenced_by_the_current_grant_commits_and_returns_the_epoch_in_the_fences_place()
    {
        var grant = (await Leases.TryAcquireAsync(Lease, "a", Long))!;

        var versions = await Store.CommitAsync([Insert(Things, "a"), grant.Fence]);

        Assert.Equal([1L, 1L], versions);
        Assert.NotNull(await Store.FindAsync(Things, "a"));
    }

    [Fact]
    public async Task A_commit_fenced_by_an_older_grant_fails_whole_after_the_lease_passed_on()
    {
        var first = (await Leases.TryAcquireAsync(Lease, "a", Short))!;
        await Store.CommitAsync([Insert(Things, "cursor", Named("0"))]);
        await Task.Delay(Short * 2);
        var second = (await Leases.TryAcquireAsync(Lease, "b", Long))!;

        var lost = await Assert.ThrowsAsync<LeaseLostException>(() =>
            Store.CommitAsync([Replace(Things, "cursor", 1, Named("stale")), Insert(Things, "b"), first.Fence]));

        Assert.Equal((Lease, 1L, (long?)2L), (lost.Name, lost.Epoch, lost.CurrentEpoch));
        await AssertStoredAsync(Things, "cursor", 1, Named("0"));
        Assert.Null(await Store.FindAsync(Things, "b"));
        Assert.Equal([2L, 2L], await Store.CommitAsync([Replace(Things, "cursor", 1, Named("fresh")), second.Fence]));
    }

    [Fact]
    public async Task A_commit_fenced_by_a_lease_never_granted_fails()
    {
        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => Store.CommitAsync([Insert(Things, "a"), new LeaseFence(Lease, 1)]));

        Assert.Null(lost.CurrentEpoch);
        Assert.Null(await Store.FindAsync(Things, "a"));
    }
}
