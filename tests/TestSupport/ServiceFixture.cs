using Samverkan.Local;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// Some services as real processes on free ports, without the gateway, with a fresh data
/// directory. Derive one per test project, naming the service under test first and then the
/// services it calls over gRPC:
/// <code>public sealed class InstitutionsFixture() : ServiceFixture("institutions", "regions");</code>
/// </summary>
public abstract class ServiceFixture(params string[] services) : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new(services[0]);
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private RunningPlatform? platform;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The services are not started.");

    /// <summary>A JSON client for the REST endpoint of the service under test (the first one named).</summary>
    public HttpClient Client => ClientFor(services[0]);

    public string DataDirectory => data.Path;

    /// <summary>A JSON client for the REST endpoint of one of the started services.</summary>
    public HttpClient ClientFor(string service)
    {
        lock (clients)
        {
            if (!clients.TryGetValue(service, out var client))
            {
                client = JsonHttp.CreateClient(Platform.RestUrl(service));
                clients[service] = client;
            }
            return client;
        }
    }

    /// <summary>Extra configuration for the started services (see <see cref="PlatformOptions.Settings"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync() =>
        platform = await RunningPlatform.StartAsync(TestPlatform.Options(data.Path, services, gateway: false) with { Settings = Settings });

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }
}
