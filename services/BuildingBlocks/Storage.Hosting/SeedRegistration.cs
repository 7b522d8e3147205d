using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samverkan.Events;
using Samverkan.Events.Outbox;

namespace Samverkan.Storage.Hosting;

public static class SeedRegistration
{
    /// <summary>
    /// Loads <c>Seed/{fileName}</c> (copied beside the service's binaries) into the collection on
    /// first start, before the server accepts requests, with a "created" event for each entry in
    /// the same transaction: the change feed starts with the whole registry. <c>Seed:Enabled=false</c>
    /// turns it off.
    /// </summary>
    public static IServiceCollection AddSeed<T>(this IServiceCollection services, string fileName, Func<T, OutgoingEvent> announce)
        where T : class
    {
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        return services.AddHostedService(provider => new SeedHostedService<T>(
            provider.GetRequiredService<DocumentCollection<T>>(),
            provider.GetRequiredService<EventOutbox>(),
            announce,
            Path.Combine(AppContext.BaseDirectory, "Seed", fileName),
            provider.GetRequiredService<IOptions<SeedOptions>>().Value.Enabled,
            provider.GetRequiredService<ILogger<SeedHostedService<T>>>()));
    }
}

internal sealed class SeedHostedService<T>(
    DocumentCollection<T> collection, EventOutbox outbox, Func<T, OutgoingEvent> announce, string path, bool enabled, ILogger logger)
    : IHostedService where T : class
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return;
        }
        var items = SeedLoader.ReadFile<T>(path);
        var writes = items.Select(collection.Insert).Concat(items.Select(item => outbox.Append(announce(item))));
        if (await SeedLoader.SeedOnceAsync(collection.Store, collection.Name, writes, cancellationToken))
        {
            logger.LogInformation("Seeded {Count} documents into {Collection} from {SeedFile}", items.Count, collection.Name, Path.GetFileName(path));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
