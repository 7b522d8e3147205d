using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.Events;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Ready once every producer has been snapshotted at least once: before that an answer could
/// leave out what was written before this service subscribed. Degraded (still 200) while a gap
/// is open or a snapshot is being written.
/// </summary>
internal sealed class ReadModelHealthCheck(CoverageReadModel model, RebuildService rebuild) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!rebuild.Loaded.IsCompletedSuccessfully)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The read model is being loaded from the store."));
        }
        var state = model.Current;
        var positions = Topics.All.Select(state.PositionOf).ToList();
        var data = positions.ToDictionary(p => p.Topic, p => (object)p.Position);
        var unbuilt = positions.Where(p => !p.Built).Select(p => p.Topic).ToList();
        if (unbuilt.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Waiting for the first snapshot of: {string.Join(", ", unbuilt)}.", data: data));
        }
        var gaps = positions.Where(p => p.GapSince is not null).Select(p => p.Topic).ToList();
        return Task.FromResult(gaps.Count > 0
            ? HealthCheckResult.Degraded($"Events missing (a gap, mended by a snapshot if it stays open) from: {string.Join(", ", gaps)}.", data: data)
            : HealthCheckResult.Healthy("Every producer's events are applied up to its position.", data));
    }
}
