using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// A process refuses to start where its credential rules could not hold: development tokens open
/// nothing outside Development (a process given the key there refuses, and so does one with no
/// issuer at all), and a process that could not check partner API keys does not start refusing them.
/// </summary>
public sealed class AuthStartupTests
{
    [Fact]
    public async Task A_service_outside_development_with_the_development_key_refuses_to_start()
    {
        var refused = await StartRegionsAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Contains("Development tokens are for the Development environment only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_outside_development_without_an_issuer_refuses_to_start()
    {
        var refused = await StartRegionsAsync(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Auth__Development__SigningKey"] = "" });

        Assert.Contains("Auth:Authority (the OpenID Connect issuer) is required", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_know_where_the_api_key_directory_is_refuses_to_start()
    {
        var refused = await StartRegionsAsync(new() { ["GrpcClients__Subscriptions"] = "" });

        Assert.Contains("GrpcClients:Subscriptions (the API key directory) is not set", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The gap Tye once had: the logical address is named, but nothing says where it is.</summary>
    [Fact]
    public async Task A_service_whose_api_key_directory_address_resolves_nowhere_refuses_to_start()
    {
        var refused = await StartRegionsAsync(new() { [Topology.ServiceDiscoveryKey(Topology.Subscriptions)] = "" });

        Assert.Contains("GrpcClients:Subscriptions is http://_grpc.subscriptions, but nothing resolves it: set Services:subscriptions:grpc:0", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_given_a_host_and_port_instead_of_a_logical_address_refuses_to_start()
    {
        var refused = await StartRegionsAsync(new() { ["GrpcClients__Subscriptions"] = "http://127.0.0.1:5115" });

        Assert.Contains("GrpcClients:Subscriptions (http://127.0.0.1:5115) is not a logical address", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<PlatformStartException> StartRegionsAsync(Dictionary<string, string> settings)
    {
        using var data = new TemporaryDirectory("auth-startup");
        var options = TestPlatform.Options(data.Path, services: ["regions"], gateway: false) with { Settings = settings };
        return await Assert.ThrowsAsync<PlatformStartException>(() => RunningPlatform.StartAsync(options));
    }
}
