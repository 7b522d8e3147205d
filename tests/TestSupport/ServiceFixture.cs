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
    private readonly ClientCache clients = new();
    private RunningPlatform? platform;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The services are not started.");

    /// <summary>A JSON client for the REST endpoint of the service under test (the first one named), as national staff.</summary>
    public HttpClient Client => ClientFor(services[0]);

    /// <summary>A JSON client for the service under test that sends no credentials.</summary>
    public HttpClient AnonymousClient => clients.Get($"anonymous:{services[0]}", () => JsonHttp.CreateClient(Platform.RestUrl(services[0])));

    /// <summary>A JSON client for the service under test with a development token for <paramref name="caller"/>.</summary>
    public HttpClient ClientAs(TokenRequest caller) => ClientAs(caller, services[0]);

    public HttpClient ClientAs(TokenRequest caller, string service) =>
        clients.Get($"{caller}:{service}", () => JsonHttp.CreateClient(Platform.RestUrl(service), Token(caller)));

    /// <summary>A development token valid for these services.</summary>
    public string Token(TokenRequest caller) => DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(data.Path), caller);

    public string DataDirectory => data.Path;

    /// <summary>A JSON client for the REST endpoint of one of the started services, as national staff.</summary>
    public HttpClient ClientFor(string service) => ClientAs(TokenRequest.Admin, service);

    /// <summary>Extra configuration for the started services (see <see cref="PlatformOptions.Settings"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>The services under test and those it calls; the first one is the service under test.</summary>
    protected IReadOnlyList<string> Names => services;

    /// <summary>How the platform is started; a fixture that hosts a service itself says so here.</summary>
    protected virtual PlatformOptions StartOptions(PlatformOptions options) => options;

    public virtual async ValueTask InitializeAsync() =>
        platform = await RunningPlatform.StartAsync(StartOptions(TestPlatform.Options(data.Path, services, gateway: false) with { Settings = Settings }));

    public virtual async ValueTask DisposeAsync()
    {
        clients.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }
}
