namespace Samverkan.Storage.Leases;

/// <summary>
/// This replica's hold of a lease while its work runs: <see cref="Token"/> is cancelled when the
/// work must stop (the window of the last renewal closes, a renewal or fenced commit finds the
/// lease gone, or the host stops). <see cref="Fenced"/> gives the store the work commits through.
/// </summary>
public sealed class LeaseHold : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenRegistration _stopping;
    private readonly TimeProvider _clock;
    private int _lost;

    internal LeaseHold(LeaseGrant grant, TimeSpan window, long askedAt, TimeProvider clock, CancellationToken stopping)
    {
        Grant = grant;
        _clock = clock;
        // Timed by the given clock, so the window is measured on the same clock as the renewals.
        _stop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        _stopping = stopping.Register(() => _stop.Cancel());
        ExtendFrom(askedAt, window);
    }

    public LeaseGrant Grant { get; }

    public CancellationToken Token => _stop.Token;

    /// <summary>Whether the lease was found taken or expired (then it is not released: it is not ours).</summary>
    public bool Lost => Volatile.Read(ref _lost) == 1;

    /// <summary>The store with every commit fenced by this grant; a commit that finds the lease gone ends the hold.</summary>
    public IDocumentStore Fenced(IDocumentStore store) => new FencedDocumentStore(store, this);

    /// <summary>After a renewal asked at <paramref name="askedAt"/> succeeded: the work may go on for the window from then.</summary>
    internal void ExtendFrom(long askedAt, TimeSpan window)
    {
        var left = window - _clock.GetElapsedTime(askedAt);
        try
        {
            if (left <= TimeSpan.Zero)
            {
                _stop.Cancel();
            }
            else
            {
                _stop.CancelAfter(left);
            }
        }
        catch (ObjectDisposedException)
        {
            // The hold ended meanwhile.
        }
    }

    internal void Lose()
    {
        Volatile.Write(ref _lost, 1);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _stop.Dispose();
    }
}
