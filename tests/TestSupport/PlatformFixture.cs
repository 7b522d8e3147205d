using Samverkan.Local;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// The whole platform as real processes on free ports, with a fresh data directory (seeded on
/// start, deleted on dispose); tests go through <see cref="Gateway"/>. Start it once per test
/// assembly (<c>[assembly: AssemblyFixture(typeof(PlatformFixture))]</c>) and take it in the
/// constructor: every class then shares one platform, in parallel, so each test creates and
/// finds its own data and never stops a service. A test that stops a service or needs other
/// settings uses a fixture type of its own (a class or collection fixture).
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new("platform");
    private RunningPlatform? platform;
    private readonly ClientCache clients = new();
    private HttpClient? gateway;
    private HttpClient? anonymous;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>A JSON client for the gateway (see <see cref="JsonHttp"/>), as national staff.</summary>
    public HttpClient Gateway => gateway ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>A JSON client for the gateway that sends no credentials.</summary>
    public HttpClient AnonymousGateway => anonymous ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>A JSON client for the gateway with a development token for <paramref name="caller"/>.</summary>
    public HttpClient GatewayAs(TokenRequest caller) =>
        clients.Get(caller.ToString(), () => JsonHttp.CreateClient(Platform.GatewayUrl, Token(caller)));

    /// <summary>A development token valid on this platform.</summary>
    public string Token(TokenRequest caller) => DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(data.Path), caller);

    public string DataDirectory => data.Path;

    /// <summary>How the platform is started; a fixture of its own may start it otherwise (more replicas, other settings).</summary>
    protected virtual PlatformOptions Options(string dataDirectory) => TestPlatform.Options(dataDirectory);

    public virtual async ValueTask InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync(Options(data.Path));
        gateway = JsonHttp.CreateClient(platform.GatewayUrl, Token(TokenRequest.Admin));
        anonymous = JsonHttp.CreateClient(platform.GatewayUrl);
    }

    public virtual async ValueTask DisposeAsync()
    {
        gateway?.Dispose();
        anonymous?.Dispose();
        clients.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }
}
