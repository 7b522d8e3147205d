using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Samverkan.Events.Relay;

/// <summary>
/// The relay on /health. Unhealthy while any event a destination refused for good is kept as a
/// dead letter: a change some subscriber does not have needs an operator, whatever else works.
/// Degraded (still 200, the service serves) when some destination's oldest undelivered event is
/// older than <see cref="RelayOptions.LagWarning"/>. Each names the destinations concerned.
/// Dead letters are in the shared store, so every replica reports them; the lag only the replica that relays knows.
/// </summary>
internal sealed class OutboxHealthCheck(RelayState state, DeadLetters deadLetters, IOptions<RelayOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = await deadLetters.CountAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var data = state.Destinations.ToDictionary(d => d.Name, d => (object)new
        {
            delivered = d.Delivered,
            lagSeconds = d.OldestUndelivered is { } oldest ? Math.Round((now - oldest).TotalSeconds, 1) : 0,
            failedAttempts = d.FailedAttempts,
            deadLetters = refused.GetValueOrDefault(d.Name),
        });
        if (refused.Count > 0)
        {
            var kept = string.Join(", ", refused.Select(pair => $"{pair.Key} ({pair.Value})"));
            return HealthCheckResult.Unhealthy(
                $"Events were refused for good and are kept as dead letters: {kept}. See GET /events/dead-letters.", data: data);
        }
        if (state.Holding is null)
        {
            // Another replica holds the relay's lease (or this one is about to take it): its own /health tells the lag.
            return HealthCheckResult.Healthy("Events are relayed by the replica holding the relay's lease, not this one.", data);
        }
        var behind = state.Destinations.Where(d => d.OldestUndelivered is { } oldest && now - oldest > options.Value.LagWarning).ToList();
        return behind.Count == 0
            ? HealthCheckResult.Healthy("Events are delivered.", data)
            : HealthCheckResult.Degraded($"Events wait for: {string.Join(", ", behind.Select(d => d.Name))}.", data: data);
    }
}
