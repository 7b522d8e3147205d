namespace Samverkan.Storage.Leases;

/// <summary>
/// The lease part of the storage port: a named lease that one holder at a time has, so that work
/// which must not run twice (a relay, a webhook dispatcher) runs on one replica of a service.
/// Every grant has an epoch, one more than the grant before, so a commit can be fenced with
/// <see cref="LeaseFence"/>: it fails once a later grant exists. Expiry is measured on the
/// store's clock (SQLite: the machine's; MongoDB: the server's), so the replicas' clocks need not
/// agree; a holder measures its own time from when it asked (see <see cref="LeasedWork"/>).
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Grants the lease to <paramref name="holder"/> for <paramref name="duration"/> when nobody holds
    /// it or its grant has expired, under the next epoch; null while another grant runs (even the
    /// same holder's: a holder renews, it does not acquire twice).
    /// </summary>
    Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends the grant to <paramref name="duration"/> from now when it is still the current one and
    /// has not expired; false otherwise. An expired grant is lost even when nobody took the lease.
    /// </summary>
    Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Ends the grant now when it is still the current one, so the next holder need not wait for it to expire.</summary>
    Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken = default);

    /// <summary>The grant that runs now, or null when the lease is free (never granted, expired or released).</summary>
    Task<LeaseGrant?> CurrentAsync(string name, CancellationToken cancellationToken = default);
}

/// <summary>One grant of a lease: who holds it, under which epoch (1 for the first grant, then +1 for each).</summary>
public sealed record LeaseGrant(string Name, string Holder, long Epoch)
{
    /// <summary>The write that fences a commit by this grant.</summary>
    public LeaseFence Fence => new(Name, Epoch);
}

/// <summary>
/// A write that changes no document: it makes the whole commit fail with
/// <see cref="LeaseLostException"/> unless the lease's current grant has this epoch. A holder adds it
/// to every commit of the work the lease guards, so a holder that lost the lease cannot move a
/// cursor after the next holder took over. The commit returns the epoch in its place.
/// </summary>
public sealed record LeaseFence(string Name, long Epoch) : DocumentWrite(LeasesCollection, Name)
{
    /// <summary>Where the adapters keep leases (a table or collection apart from documents).</summary>
    public const string LeasesCollection = "_leases";
}

/// <summary>A fenced commit found that the lease has been granted again since its epoch.</summary>
public sealed class LeaseLostException(string name, long epoch, long? current)
    : Exception($"The lease {name} was granted at epoch {current?.ToString() ?? "none"} since epoch {epoch}; this holder lost it.")
{
    public string Name { get; } = name;
    public long Epoch { get; } = epoch;
    public long? CurrentEpoch { get; } = current;
}
