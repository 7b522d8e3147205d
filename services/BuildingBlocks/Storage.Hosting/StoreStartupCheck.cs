using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Samverkan.Storage.Hosting;

/// <summary>
/// Opens the store before any hosted service starts (StartingAsync runs before every StartAsync,
/// the seed's and the web server's included): a store that cannot be used throws, the host
/// fails to start, and the process exits with the reason logged. Keeps the identity it verified
/// for the health check.
/// </summary>
internal sealed class StoreStartupCheck(IDocumentStore store, StoreLocation location, TimeProvider time, ILogger<StoreStartupCheck> logger)
    : IHostedLifecycleService
{
    private StoreIdentity? _identity;

    /// <summary>The identity found at start; null until the check has passed.</summary>
    public StoreIdentity? Identity => _identity;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (identity, opening) = await StoreInitialisation.OpenAsync(store, location.Name, location.Marker, time.GetUtcNow(), cancellationToken);
            _identity = identity;
            Report(identity, opening);
        }
        catch (StoreUnusableException e)
        {
            LogRefusal(logger, e);
            throw;
        }
    }

    /// <summary>
    /// Opens the adapter, logging a refusal before it propagates: the host builds every hosted
    /// service (and so the store they need) before any of them starts, so the adapter's own
    /// checks at open throw there, outside <see cref="StartingAsync"/>.
    /// </summary>
    public static IDocumentStore Open(IServiceProvider services, Func<IDocumentStore> open)
    {
        try
        {
            return open();
        }
        catch (StoreUnusableException e)
        {
            LogRefusal(services.GetRequiredService<ILogger<StoreStartupCheck>>(), e);
            throw;
        }
    }

    private static void LogRefusal(ILogger logger, StoreUnusableException e) => logger.LogCritical("Storage refused: {Reason}", e.Message);

    private void Report(StoreIdentity identity, StoreOpening opening)
    {
        switch (opening)
        {
            case StoreOpening.FirstStart:
                logger.LogInformation("First start: initialised {Store} ({Identity}); its marker is {Marker}", location.Name, identity, location.Marker.Location);
                break;
            case StoreOpening.MarkerRewritten:
                logger.LogWarning("The marker of {Store} was missing and is written again from the store ({Identity}): {Marker}", location.Name, identity, location.Marker.Location);
                break;
            default:
                logger.LogInformation("Opened {Store} ({Identity})", location.Name, identity);
                break;
        }
        if (location.Marker is NoStoreMarker)
        {
            logger.LogWarning(
                "{Store} has no marker outside it, so a later start on an emptied or replaced database would not be detected: set {Setting}={StoreId}",
                location.Name, StorageRegistration.MongoStoreIdSetting, identity.StoreId);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
