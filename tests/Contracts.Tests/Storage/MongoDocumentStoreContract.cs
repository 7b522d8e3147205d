using MongoDB.Driver;
using Samverkan.Storage;
using Samverkan.Storage.MongoDB;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// The contract against the production adapter, each test in a database of its own that is dropped
/// afterwards. It inherits every contract test; without <c>MONGODB_URI</c> each one reports itself
/// skipped, with the reason, since no MongoDB server can be installed on the build machines.
/// </summary>
public sealed class MongoDocumentStoreContract : DocumentStoreContract
{
    public const string UriVariable = "MONGODB_URI";

    private readonly string _database = "samverkan_contracts_" + Guid.NewGuid().ToString("N");

    private static string? Uri => Environment.GetEnvironmentVariable(UriVariable) is { } uri && !string.IsNullOrWhiteSpace(uri) ? uri : null;

    protected override Task<IDocumentStore> OpenStoreAsync()
    {
        var uri = Uri;
        Assert.SkipWhen(uri is null, $"{UriVariable} is not set: the MongoDB adapter's contract tests need a MongoDB replica set");
        return Task.FromResult<IDocumentStore>(new MongoDocumentStore(uri!, _database));
    }

    protected override async Task DeleteStoreAsync()
    {
        (Store as IDisposable)?.Dispose();
        using var client = new MongoClient(Uri);
        await client.DropDatabaseAsync(_database);
    }
}
