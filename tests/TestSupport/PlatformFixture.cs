using Samverkan.Local;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// The whole platform as real processes on free ports, with a fresh data directory (seeded on
/// start, deleted on dispose). Use as <c>IClassFixture&lt;PlatformFixture&gt;</c>; tests go
/// through <see cref="Gateway"/>.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new("platform");
    private RunningPlatform? platform;
    private HttpClient? gateway;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>A JSON client for the gateway (see <see cref="JsonHttp"/>).</summary>
    public HttpClient Gateway => gateway ?? throw new InvalidOperationException("The platform is not started.");

    public string DataDirectory => data.Path;

    public async Task InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync(TestPlatform.Options(data.Path));
        gateway = JsonHttp.CreateClient(platform.GatewayUrl);
    }

    public async Task DisposeAsync()
    {
        gateway?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }
}
