using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Samverkan.Events.Relay;

/// <summary>
/// The relay's lag on /health: Degraded (still 200, the service serves) when some destination's
/// oldest undelivered event is older than <see cref="RelayOptions.LagWarning"/>, naming it.
/// </summary>
internal sealed class OutboxHealthCheck(RelayState state, IOptions<RelayOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var data = state.Destinations.ToDictionary(d => d.Name, d => (object)new
        {
            delivered = d.Delivered,
            lagSeconds = d.OldestUndelivered is { } oldest ? Math.Round((now - oldest).TotalSeconds, 1) : 0,
            failedAttempts = d.FailedAttempts,
        });
        var behind = state.Destinations.Where(d => d.OldestUndelivered is { } oldest && now - oldest > options.Value.LagWarning).ToList();
        return Task.FromResult(behind.Count == 0
            ? HealthCheckResult.Healthy("Events are delivered.", data)
            : HealthCheckResult.Degraded($"Events wait for: {string.Join(", ", behind.Select(d => d.Name))}.", data: data));
    }
}
