using Microsoft.Extensions.Options;

namespace Samverkan.Storage.Hosting;

/// <summary>
/// Section <c>Storage</c>: <c>Storage:Provider</c> = Sqlite (default) or MongoDB, and each
/// adapter's own settings. Checked at start: a provider nobody knows, a MongoDB store without a
/// connection string or with a store id that is not one stop the process with the setting's name.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Provider { get; set; } = "Sqlite";

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public MongoStorageOptions MongoDB { get; set; } = new();

    public bool UsesSqlite => Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    public bool UsesMongoDB => Provider.Equals("MongoDB", StringComparison.OrdinalIgnoreCase);

    /// <summary>The problems with these settings; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!UsesSqlite && !UsesMongoDB)
        {
            yield return $"Storage:Provider '{Provider}' is not known. Use Sqlite or MongoDB.";
        }
        if (UsesMongoDB && string.IsNullOrEmpty(MongoDB.ConnectionString))
        {
            yield return "Storage:MongoDB:ConnectionString is required when Storage:Provider is MongoDB.";
        }
        if (UsesMongoDB && MongoDB.StoreId is { Length: > 0 } storeId && !Guid.TryParse(storeId, out _))
        {
            yield return $"{StorageRegistration.MongoStoreIdSetting} '{storeId}' is not a store id (a GUID, as logged at the store's first start).";
        }
    }
}

/// <summary>Section <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The database file; <c>data/{service}.db</c> under the content root when unset.</summary>
    public string? Path { get; set; }
}

/// <summary>Section <c>Storage:MongoDB</c>.</summary>
public sealed class MongoStorageOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>The database; <c>samverkan-{service}</c> when unset.</summary>
    public string? Database { get; set; }

    /// <summary>The store's id (a GUID) as logged at its first start, so a database emptied behind the service's back is detected.</summary>
    public string? StoreId { get; set; }
}

/// <summary>Stops the process at start with each of <see cref="StorageOptions.Problems"/>.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
