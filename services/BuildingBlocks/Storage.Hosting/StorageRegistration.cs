using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        var configuration = builder.Configuration.GetSection("Storage");
        var serviceName = builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant();
        var provider = configuration["Provider"] ?? "Sqlite";
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(configuration["Sqlite:Path"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", $"{serviceName}.db"));
            builder.Services.AddSingleton<IDocumentStore>(provider => StoreStartupCheck.Open(provider, () => new SqliteDocumentStore(path)));
            builder.Services.AddSingleton(new StoreLocation(path, new FileStoreMarker(SqliteDocumentStore.MarkerPathFor(path))));
        }
        else if (provider.Equals("MongoDB", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = configuration["MongoDB:ConnectionString"]
                ?? throw new InvalidOperationException("Storage:MongoDB:ConnectionString is required when Storage:Provider is MongoDB.");
            var database = configuration["MongoDB:Database"] ?? $"samverkan-{serviceName}";
            builder.Services.AddSingleton<IDocumentStore>(provider => StoreStartupCheck.Open(provider, () => new MongoDocumentStore(connectionString, database)));
            builder.Services.AddSingleton(new StoreLocation($"MongoDB database {database}", MongoMarker(configuration["MongoDB:StoreId"])));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not known. Use Sqlite or MongoDB.");
        }
        builder.Services.AddSingleton<StoreStartupCheck>();
        builder.Services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<StoreStartupCheck>());
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ServiceDefaultsExtensions.ReadyTag]);
        // Every change is audited in the same store, committed together with the change itself.
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<IExceptionProblems, StorageProblems>();
    }

    // The database lives outside the service, so the only marker it can keep is one the operator
    // puts in its configuration; without it, an emptied database looks like a first start.
    private static IStoreMarker MongoMarker(string? storeId) => storeId switch
    {
        null or "" => new NoStoreMarker($"no marker (set {MongoStoreIdSetting})"),
        _ when Guid.TryParse(storeId, out var id) => new ConfiguredStoreMarker(MongoStoreIdSetting, id),
        _ => throw new InvalidOperationException($"{MongoStoreIdSetting} '{storeId}' is not a store id (a GUID, as logged at the store's first start)."),
    };
}

/// <summary>The store a service uses, as named in errors, and the marker kept outside it.</summary>
internal sealed record StoreLocation(string Name, IStoreMarker Marker);
