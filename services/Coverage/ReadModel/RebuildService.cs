using Grpc.Core;
using Microsoft.Extensions.Options;
using Samverkan.Events;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Loads the read model from the store at start, then keeps it whole: a producer never
/// snapshotted (the first start), left mid-snapshot by a crash, with a gap in its sequences
/// older than <see cref="RebuildOptions.GapGrace"/>, or whose events have stalled (the model
/// below a position the producer reached <see cref="RebuildOptions.LagGrace"/> ago, see
/// <see cref="LagWatch"/>) is read again from its gRPC snapshot. Events keep arriving meanwhile
/// and are applied as usual; the sequence rules make the two meet.
/// </summary>
public sealed class RebuildService(
    CoverageReadModel model, SnapshotSource snapshots, IOptions<RebuildOptions> options, TimeProvider clock, ILogger<RebuildService> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LagWatch _lag = new();

    /// <summary>Completes once the stored model is in memory; event routes wait for it, so no event lands on the empty start state.</summary>
    public Task Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await model.LoadAsync(stoppingToken);
            _loaded.TrySetResult();
        }
        catch (Exception e)
        {
            _loaded.TrySetException(e);
            throw;
        }
        var lagCheckedAt = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var topic in Topics.All.Where(NeedsSnapshot))
            {
                await RebuildAsync(topic, stoppingToken);
            }
            if (clock.GetUtcNow() - lagCheckedAt >= options.Value.LagCheckInterval)
            {
                lagCheckedAt = clock.GetUtcNow();
                foreach (var topic in Topics.All.Where(topic => model.Current.PositionOf(topic).Built))
                {
                    await RebuildIfStalledAsync(topic, stoppingToken);
                }
            }
            await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
        }
    }

    private async Task RebuildIfStalledAsync(string topic, CancellationToken ct)
    {
        long producer;
        try
        {
            producer = await snapshots.PositionAsync(topic, ct);
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            logger.LogInformation("Position of {Topic} not read: {Status}", topic, e.StatusCode);
            return;
        }
        var position = model.Current.PositionOf(topic).Position;
        if (_lag.Stalled(topic, producer, position, clock.GetUtcNow(), options.Value.LagGrace))
        {
            logger.LogWarning("Events of {Topic} have stalled: the producer is at {Producer}, the read model at {Position} for longer than {Grace}; taking a snapshot",
                topic, producer, position, options.Value.LagGrace);
            await RebuildAsync(topic, ct);
            _lag.Reset(topic);
        }
    }

    private bool NeedsSnapshot(string topic)
    {
        var position = model.Current.PositionOf(topic);
        return !position.Built || position.GapSince is { } since && clock.GetUtcNow() - since >= options.Value.GapGrace;
    }

    private async Task RebuildAsync(string topic, CancellationToken ct)
    {
        try
        {
            await model.ApplySnapshotAsync(topic, snapshots.ReadAsync(topic, ct), ct);
            // A snapshot passes the whole producer through memory once; give that back now rather than
            // keep the peak for the life of the process (rebuilds are rare, so the pause is affordable).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (RpcException e) when (!ct.IsCancellationRequested)
        {
            // The producer is not up yet (start-up in parallel) or down: the next round tries again.
            logger.LogInformation("Snapshot of {Topic} not taken yet: {Status}", topic, e.StatusCode);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Snapshot of {Topic} failed; the next round tries again", topic);
        }
    }
}
