using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.Storage;
using Samverkan.Storage.Leases;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// <see cref="LeasedWork"/> on two stores over one SQLite file, as two replicas on one machine: the
/// work runs on one at a time, a holder cut off from the store stops before the other starts,
/// and a holder whose fenced commit finds the lease passed on stops at once.
/// </summary>
public sealed class LeasedWorkTests : IDisposable
{
    private const string Lease = "relay:things";
    private static readonly LeaseOptions Fast = new()
    {
        Duration = TimeSpan.FromMilliseconds(1200),
        RenewInterval = TimeSpan.FromMilliseconds(200),
        SafetyMargin = TimeSpan.FromMilliseconds(400),
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "samverkan-leases-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDocumentStore> _stores = [];
    private readonly CancellationTokenSource _stop = new();

    private string DatabasePath => Path.Combine(_directory, "store.db");

    public void Dispose()
    {
        _stop.Cancel();
        _stores.ForEach(store => store.Dispose());
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_holder_cut_off_from_the_store_stops_before_the_other_replica_starts_and_the_other_takes_over_within_duration_and_a_renewal()
    {
        var cutOff = new CuttableLeases(Open());
        var log = new WorkLog();
        var first = Task.Run(() => new LeasedWork(cutOff, Options.Create(Fast), NullLogger<LeasedWork>.Instance).RunAsync(Lease, log.Work("a"), _stop.Token));
        await WaitUntilAsync(() => log.Started("a"));
        var second = Task.Run(() => new LeasedWork(Open(), Options.Create(Fast), NullLogger<LeasedWork>.Instance).RunAsync(Lease, log.Work("b"), _stop.Token));
        await Task.Delay(Fast.Duration);
        Assert.False(log.Started("b"), "The second replica waits while the first renews.");

        var cut = Stopwatch.GetTimestamp();
        cutOff.Cut = true;
        await WaitUntilAsync(() => log.Started("b"));

        var (aEnded, bStarted) = (log.EndOf("a")!.Value, log.StartOf("b")!.Value);
        Assert.True(aEnded < bStarted, "The cut-off holder stopped before the next one started.");
        var takeOver = Stopwatch.GetElapsedTime(cut, bStarted);
        // Duration (the store's expiry after the last renewal) plus one acquiring interval; a second's slack for a busy machine.
        Assert.True(takeOver <= Fast.Duration + Fast.RenewInterval + TimeSpan.FromSeconds(1), $"Taken over after {takeOver}.");
        Assert.False(log.Overlapped, "Two replicas worked at once.");
        _stop.Cancel();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task A_fenced_commit_that_finds_the_lease_passed_on_fails_and_ends_the_hold()
    {
        var store = Open();
        var grant = (await store.TryAcquireAsync(Lease, "a", TimeSpan.FromMilliseconds(100)))!;
        await Task.Delay(300);
        Assert.NotNull(await Open().TryAcquireAsync(Lease, "b", TimeSpan.FromMinutes(1)));
        var work = new LeasedWork(new GrantedOnce(store, grant), Options.Create(Fast), NullLogger<LeasedWork>.Instance);
        Exception? failure = null;
        var ended = new TaskCompletionSource<bool>();

        var running = Task.Run(() => work.RunAsync(Lease, async hold =>
        {
            try
            {
                await hold.Fenced(store).CommitAsync([new InsertDocument("things", "stale", "{}", [])]);
            }
            catch (Exception e)
            {
                failure = e;
            }
            ended.TrySetResult(hold.Token.IsCancellationRequested && hold.Lost);
        }, _stop.Token));

        Assert.True(await ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsType<LeaseLostException>(failure);
        Assert.Null(await store.FindAsync("things", "stale"));
        _stop.Cancel();
        await running;
    }

    private SqliteDocumentStore Open()
    {
        var store = new SqliteDocumentStore(DatabasePath);
        _stores.Add(store);
        return store;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 20;
        while (!condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }

    /// <summary>When each replica's work started and ended, on the monotonic clock.</summary>
    private sealed class WorkLog
    {
        private readonly Dictionary<string, (long Start, long? End)> _runs = [];

        public bool Overlapped { get; private set; }

        public Func<LeaseHold, Task> Work(string replica) => async hold =>
        {
            lock (_runs)
            {
                Overlapped |= _runs.Any(run => run.Key != replica && run.Value.End is null);
                _runs[replica] = (Stopwatch.GetTimestamp(), null);
            }
            await Task.Delay(Timeout.Infinite, hold.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            lock (_runs)
            {
                _runs[replica] = (_runs[replica].Start, Stopwatch.GetTimestamp());
            }
        };

        public bool Started(string replica) => StartOf(replica) is not null;

        public long? StartOf(string replica)
        {
            lock (_runs)
            {
                return _runs.TryGetValue(replica, out var run) ? run.Start : null;
            }
        }

        public long? EndOf(string replica)
        {
            lock (_runs)
            {
                return _runs.TryGetValue(replica, out var run) ? run.End : null;
            }
        }
    }

    /// <summary>A replica's view of the leases that can be cut off, as by a network partition: then every call fails.</summary>
    private sealed class CuttableLeases(ILeaseStore inner) : ILeaseStore
    {
        public volatile bool Cut;

        public Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
            Cut ? throw new IOException("cut off") : inner.TryAcquireAsync(name, holder, duration, cancellationToken);

        public Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken = default) =>
            Cut ? throw new IOException("cut off") : inner.TryRenewAsync(grant, duration, cancellationToken);

        public Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken = default) =>
            Cut ? throw new IOException("cut off") : inner.ReleaseAsync(grant, cancellationToken);

        public Task<LeaseGrant?> CurrentAsync(string name, CancellationToken cancellationToken = default) => inner.CurrentAsync(name, cancellationToken);
    }

    /// <summary>Hands out one grant that is already stale, as a holder sees it after a long pause.</summary>
    private sealed class GrantedOnce(ILeaseStore inner, LeaseGrant stale) : ILeaseStore
    {
        private int _given;

        public Task<LeaseGrant?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
            Task.FromResult<LeaseGrant?>(Interlocked.Exchange(ref _given, 1) == 0 ? stale : null);

        public Task<bool> TryRenewAsync(LeaseGrant grant, TimeSpan duration, CancellationToken cancellationToken = default) =>
            inner.TryRenewAsync(grant, duration, cancellationToken);

        public Task ReleaseAsync(LeaseGrant grant, CancellationToken cancellationToken = default) => inner.ReleaseAsync(grant, cancellationToken);

        public Task<LeaseGrant?> CurrentAsync(string name, CancellationToken cancellationToken = default) => inner.CurrentAsync(name, cancellationToken);
    }
}
