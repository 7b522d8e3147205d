using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samverkan.Audit;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.Storage.MongoDB;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Storage.Hosting;

/// <summary>
/// Chooses the storage adapter from configuration: <c>Storage:Provider</c> = Sqlite (default)
/// or MongoDB (one database per service, <c>samverkan-{service}</c> unless
/// <c>Storage:MongoDB:Database</c> says otherwise). Services depend on <see cref="IDocumentStore"/> only.
/// The store comes with the audit trail kept in it (<see cref="AuditTrail"/>).
/// </summary>
/// <remarks>
/// The store is opened and checked before any other hosted service starts (see
/// <see cref="StoreStartupCheck"/> and docs/storage.md): a store whose data is gone, another
/// store, or a damaged file stops the service at start with the reason, instead of being seeded
/// again. With MongoDB, loss is only detected once <c>Storage:MongoDB:StoreId</c> names the store.
/// </remarks>
public static class StorageRegistration
{
    public const string MongoStoreIdSetting = "Storage:MongoDB:StoreId";

    public static void AddDocumentStore(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant();
        var contentRoot = builder.Environment.ContentRootPath;
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(provider => Locate(provider.GetRequiredService<IOptions<StorageOptions>>().Value, serviceName, contentRoot));
        services.AddSingleton<IDocumentStore>(provider =>
        {
            var location = provider.GetRequiredService<StoreLocation>();
            return StoreStartupCheck.Open(provider, location.Open);
        });
        services.AddSingleton<StoreStartupCheck>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<StoreStartupCheck>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag]);
        // Every change is audited in the same store, committed together with the change itself.
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IExceptionProblems, StorageProblems>();
    }

    private static StoreLocation Locate(StorageOptions options, string serviceName, string contentRoot)
    {
        if (options.UsesMongoDB)
        {
            var connectionString = options.MongoDB.ConnectionString!;
            var database = options.MongoDB.Database ?? $"samverkan-{serviceName}";
            return new StoreLocation($"MongoDB database {database}", MongoMarker(options.MongoDB.StoreId), () => new MongoDocumentStore(connectionString, database));
        }
        var path = Path.GetFullPath(options.Sqlite.Path ?? Path.Combine(contentRoot, "data", $"{serviceName}.db"));
        return new StoreLocation(path, new FileStoreMarker(SqliteDocumentStore.MarkerPathFor(path)), () => new SqliteDocumentStore(path));
    }

    // The database lives outside the service, so the only marker it can keep is one the operator
    // puts in its configuration; without it, an emptied database looks like a first start.
    private static IStoreMarker MongoMarker(string? storeId) => storeId is { Length: > 0 }
        ? new ConfiguredStoreMarker(MongoStoreIdSetting, Guid.Parse(storeId))
        : new NoStoreMarker($"no marker (set {MongoStoreIdSetting})");
}

/// <summary>The store a service uses, as named in errors, and the marker kept outside it.</summary>
internal sealed record StoreLocation(string Name, IStoreMarker Marker, Func<IDocumentStore> Open);
