using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Samverkan.Storage.MongoDB;
using Samverkan.ServiceDefaults;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Storage.Hosting;

/// <summary>
/// Chooses the storage adapter from configuration: <c>Storage:Provider</c> = Sqlite (default)
/// or MongoDB (one database per service, <c>samverkan-{service}</c> unless
/// <c>Storage:MongoDB:Database</c> says otherwise). Services depend on <see cref="IDocumentStore"/> only.
/// </summary>
public static class StorageRegistration
{
    public static void AddDocumentStore(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration.GetSection("Storage");
        var serviceName = builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant();
        var provider = configuration["Provider"] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["Sqlite:Path"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", $"{serviceName}.db");
            builder.Services.AddSingleton<IDocumentStore>(_ => new SqliteDocumentStore(path));
        }
        else if (provider.Equals("MongoDB", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["MongoDB:ConnectionString"]
                ?? throw new InvalidOperationException("Storage:MongoDB:ConnectionString is required when Storage:Provider is MongoDB.");
            var database = configuration["MongoDB:Database"] ?? $"samverkan-{serviceName}";
            builder.Services.AddSingleton<IDocumentStore>(_ => new MongoDocumentStore(connectionString, database));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known. Use Sqlite or MongoDB.");
        }
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag]);
    }
}

internal sealed class StorageHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.PingAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Storage did not answer.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Storage failed.", e);
        }
    }
}
