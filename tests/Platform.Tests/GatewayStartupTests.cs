using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

public sealed class GatewayStartupTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("https://*.samverkan.test")]
    [InlineData("https://portal.samverkan.test/app")]
    public async Task A_gateway_told_to_allow_any_origin_or_a_pattern_refuses_to_start(string origin)
    {
        var refused = await StartGatewayAsync(new() { ["Cors__AllowedOrigins__0"] = origin });

        Assert.Contains("Cors:AllowedOrigins", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Under Tye or on its own, a cluster whose logical address nothing resolves would answer 503 for that service from the first request on.</summary>
    [Fact]
    public async Task A_gateway_whose_cluster_address_resolves_nowhere_refuses_to_start()
    {
        var refused = await StartGatewayAsync(new() { [Topology.HttpDiscoveryKey(Topology.Forums.Name, 0)] = "" });

        Assert.Contains("ReverseProxy:Clusters:forums:Destinations:d1:Address is http://_http.forums, but nothing resolves it: set Services:forums:http:0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_given_a_host_and_port_for_a_cluster_refuses_to_start()
    {
        var refused = await StartGatewayAsync(new() { ["ReverseProxy__Clusters__forums__Destinations__d1__Address"] = "http://127.0.0.1:5103" });

        Assert.Contains("ReverseProxy:Clusters:forums:Destinations:d1:Address (http://127.0.0.1:5103) is not a logical address", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<PlatformStartException> StartGatewayAsync(Dictionary<string, string> settings)
    {
        using var data = new TemporaryDirectory("gateway-startup");
        var options = TestPlatform.Options(data.Path, services: []) with { GatewaySettings = settings, HealthTimeout = TimeSpan.FromSeconds(20) };
        var refused = await Assert.ThrowsAsync<PlatformStartException>(() => RunningPlatform.StartAsync(options));
        Assert.Contains("exited with code", refused.Message, StringComparison.Ordinal);
        return refused;
    }
}
