using Samverkan.Local;
using Samverkan.Storage.Leases;
using Samverkan.Storage.Sqlite;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Replicas;

/// <summary>
/// A platform of its own with two replicas each of Forums, Institutions and Subscriptions, every
/// pair sharing its SQLite file, behind the gateway (clusters of two destinations). Leases are
/// short, so a killed holder's lease passes on in seconds: Duration 3 s, renewed every 0.5 s,
/// work stopped 0.75 s before expiry.
/// </summary>
public sealed class ReplicaPlatformFixture : PlatformFixture
{
    public static readonly string[] Replicated = ["forums", "institutions", "subscriptions"];
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RenewInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, SqliteDocumentStore> _stores = [];

    protected override PlatformOptions Options(string dataDirectory) => base.Options(dataDirectory) with
    {
        Replicas = Replicated.ToDictionary(service => service, _ => 2),
        Settings = new Dictionary<string, string>
        {
            ["Storage__Lease__Duration"] = LeaseDuration.ToString(),
            ["Storage__Lease__RenewInterval"] = RenewInterval.ToString(),
            ["Storage__Lease__SafetyMargin"] = "00:00:00.750",
            ["Events__Relay__PollInterval"] = "00:00:00.200",
            ["Events__Relay__MaxRetryDelay"] = "00:00:01",
            ["Webhooks__PollInterval"] = "00:00:00.500",
        },
    };

    /// <summary>The grant of <paramref name="lease"/> in <paramref name="service"/>'s store, read as a third process would.</summary>
    public Task<LeaseGrant?> LeaseAsync(string service, string lease)
    {
        SqliteDocumentStore store;
        lock (_stores)
        {
            if (!_stores.TryGetValue(service, out store!))
            {
                store = _stores[service] = new SqliteDocumentStore(Path.Combine(DataDirectory, service + ".db"));
            }
        }
        return store.CurrentAsync(lease);
    }

    /// <summary>The replica (<c>forums</c> or <c>forums-2</c>) whose process holds the grant.</summary>
    public string ReplicaHolding(string service, LeaseGrant grant)
    {
        var processId = int.Parse(grant.Holder.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
        return Platform.ReplicasOf(service).Single(replica => Platform.ProcessIdOf(replica) == processId);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values)
        {
            store.Dispose();
        }
        await base.DisposeAsync();
    }
}
