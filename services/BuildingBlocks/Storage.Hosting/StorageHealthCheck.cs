using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Samverkan.Storage.Hosting;

/// <summary>
/// Ready only while the store answers and still holds the identity verified at start: a read
/// that fails, or a store emptied or replaced under the running service, is Unhealthy.
/// </summary>
internal sealed class StorageHealthCheck(IDocumentStore store, StoreStartupCheck startup, StoreLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (startup.Identity is not { } expected)
            {
                return HealthCheckResult.Unhealthy($"{location.Name} has not been opened.");
            }
            if (!await store.PingAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Storage did not answer.");
            }
            var held = await StoreInitialisation.ReadIdentityAsync(store, cancellationToken);
            return held?.StoreId == expected.StoreId
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{location.Name} no longer holds the store opened at start ({expected}); it holds {held?.ToString() ?? "no identity"}.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Storage failed.", e);
        }
    }
}
