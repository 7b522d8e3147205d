using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Samverkan.Storage.Leases;

/// <summary>
/// Runs work that must not run on two replicas at once while this replica holds its lease: tries
/// to acquire it every renewal interval, and while held renews it and runs the work with a
/// <see cref="LeaseHold"/> whose token stops the work before the lease can expire. A new holder
/// starts only after the store saw the old grant expire, which is later than the old holder's
/// window closed (the window is measured from before each renewal was sent, minus a margin), so
/// the two never overlap; commits are fenced besides, for a holder that stalls past its window.
/// </summary>
/// <remarks>
/// Time here is always the system's (a monotonic timer), never the service's registered
/// <see cref="TimeProvider"/>: that one may be a test's clock moved on by days, while the lease
/// expires in real time on the store's clock.
/// </remarks>
public sealed class LeasedWork(ILeaseStore leases, IOptions<LeaseOptions> options, ILogger<LeasedWork> logger)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly LeaseOptions _options = options.Value;

    /// <summary>This replica as named in the leases it holds: machine, process and a nonce (a restarted process is another holder).</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Runs <paramref name="work"/> whenever this replica holds the lease <paramref name="name"/>, until <paramref name="stoppingToken"/>.</summary>
    /// <remarks>The work returns (or throws) once its hold's token is cancelled; it is started again at the next grant.</remarks>
    public async Task RunAsync(string name, Func<LeaseHold, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await HoldOnceAsync(name, work, stoppingToken);
                // After a hold (or a refusal) the next try comes a renewal interval later, so a
                // work that keeps failing does not spin.
                await Task.Delay(_options.RenewInterval, Clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task HoldOnceAsync(string name, Func<LeaseHold, Task> work, CancellationToken stoppingToken)
    {
        using var hold = await TryHoldAsync(name, stoppingToken);
        if (hold is null)
        {
            return;
        }
        logger.LogInformation("Holding lease {Lease} at epoch {Epoch} as {Holder}", name, hold.Grant.Epoch, Holder);
        var working = RunWorkAsync(work, hold);
        await KeepAsync(hold, working);
        await working;
        logger.LogInformation("Stopped work under lease {Lease} at epoch {Epoch} ({Reason})", name, hold.Grant.Epoch,
            hold.Lost ? "lost" : stoppingToken.IsCancellationRequested ? "stopping" : "window closed or work ended");
        if (!hold.Lost)
        {
            await ReleaseAsync(hold.Grant);
        }
    }

    private async Task<LeaseHold?> TryHoldAsync(string name, CancellationToken ct)
    {
        var askedAt = Clock.GetTimestamp();
        try
        {
            return await leases.TryAcquireAsync(name, Holder, _options.Duration, ct) is { } grant
                ? new LeaseHold(grant, _options.WorkWindow, askedAt, Clock, ct)
                : null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Acquiring lease {Lease} failed; trying again", name);
            return null;
        }
    }

    /// <summary>Renews until the work ends or the hold's token is cancelled; a failed renewal (not an error) ends the hold.</summary>
    private async Task KeepAsync(LeaseHold hold, Task working)
    {
        while (!hold.Token.IsCancellationRequested && !working.IsCompleted)
        {
            try
            {
                await Task.WhenAny(working, Task.Delay(_options.RenewInterval, Clock, hold.Token));
                if (working.IsCompleted || hold.Token.IsCancellationRequested)
                {
                    return;
                }
                var askedAt = Clock.GetTimestamp();
                if (await leases.TryRenewAsync(hold.Grant, _options.Duration, hold.Token))
                {
                    hold.ExtendFrom(askedAt, _options.WorkWindow);
                }
                else
                {
                    logger.LogWarning("Lease {Lease} at epoch {Epoch} was lost; stopping its work", hold.Grant.Name, hold.Grant.Epoch);
                    hold.Lose();
                }
            }
            catch (Exception e) when (!hold.Token.IsCancellationRequested)
            {
                // The window of the last renewal still holds: try again until it closes.
                logger.LogWarning(e, "Renewing lease {Lease} failed; trying again", hold.Grant.Name);
            }
            catch (Exception) when (hold.Token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RunWorkAsync(Func<LeaseHold, Task> work, LeaseHold hold)
    {
        try
        {
            await Task.Run(() => work(hold), CancellationToken.None);
        }
        catch (Exception e) when (hold.Token.IsCancellationRequested)
        {
            logger.LogDebug(e, "Work under lease {Lease} ended as its hold ended", hold.Grant.Name);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Work under lease {Lease} failed; giving the lease up", hold.Grant.Name);
        }
    }

    private async Task ReleaseAsync(LeaseGrant grant)
    {
        try
        {
            // Not the stopping token: a replica shutting down hands the lease on at once.
            using var timeout = new CancellationTokenSource(_options.SafetyMargin);
            await leases.ReleaseAsync(grant, timeout.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Releasing lease {Lease} failed; it is free once it expires", grant.Name);
        }
    }
}
