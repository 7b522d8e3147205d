using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// The whole platform with a gateway configured as a hardened deployment would be, with small
/// numbers: few requests per signed-in client, few failed authentications per address, and one
/// browser origin allowed.
/// </summary>
public sealed class HardenedGatewayFixture : IAsyncLifetime
{
    public const int PermitsPerMinute = 5;
    public const int FailedAuthenticationsPerMinute = 5;
    public const string AllowedOrigin = "https://portal.samverkan.test";

    /// <summary>
    /// The one proxy whose forwarded headers the gateway believes (ForwardedHeaders:KnownProxies),
    /// as an Ingress controller would be. Outside 127.0.1.0-127.0.254.255, where tests pick their own client addresses.
    /// </summary>
    public static readonly System.Net.IPAddress KnownProxy = System.Net.IPAddress.Parse("127.0.0.77");

    private readonly TemporaryDirectory data = new("hardened");
    private readonly List<HttpClient> clients = [];
    private RunningPlatform? platform;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>A client of its own (its own rate-limit partition) with a token for <paramref name="caller"/>.</summary>
    public HttpClient GatewayAs(TokenRequest caller) => Track(JsonHttp.CreateClient(Platform.GatewayUrl, Token(caller)));

    /// <summary>A development token valid on this platform.</summary>
    public string Token(TokenRequest caller) => DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(data.Path), caller);

    public HttpClient AnonymousGateway() => Track(JsonHttp.CreateClient(Platform.GatewayUrl));

    /// <summary>
    /// A client whose connections come from <paramref name="address"/> (any of 127.0.0.0/8), so
    /// limits kept per remote address start fresh for it and leave other tests' clients alone.
    /// </summary>
    public HttpClient GatewayFrom(System.Net.IPAddress address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(address, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return Track(new HttpClient(handler) { BaseAddress = Platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>National staff under a subject no other test uses, so each test has its own limit.</summary>
    public static TokenRequest FreshAdmin(string purpose) => TokenRequest.Admin with { Subject = $"{purpose}-{Guid.NewGuid():N}@samverkan.test" };

    public async ValueTask InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync(TestPlatform.Options(data.Path) with
        {
            GatewaySettings = new Dictionary<string, string>
            {
                ["RateLimits__PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimits__FailedAuthenticationsPerMinute"] = FailedAuthenticationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Cors__AllowedOrigins__0"] = AllowedOrigin,
                ["ForwardedHeaders__KnownProxies__0"] = KnownProxy.ToString(),
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        lock (clients)
        {
            clients.ForEach(client => client.Dispose());
        }
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }

    private HttpClient Track(HttpClient client)
    {
        lock (clients)
        {
            clients.Add(client);
        }
        return client;
    }
}
