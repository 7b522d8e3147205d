using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>Development tokens open nothing outside Development: a process given the key there refuses to start, and so does one with no issuer at all.</summary>
public sealed class DevelopmentTokenBoundaryTests
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

    private static async Task<PlatformStartException> StartRegionsAsync(Dictionary<string, string> settings)
    {
        using var data = new TemporaryDirectory("dev-key-boundary");
        var options = TestPlatform.Options(data.Path, services: ["regions"], gateway: false) with { Settings = settings };
        return await Assert.ThrowsAsync<PlatformStartException>(() => RunningPlatform.StartAsync(options));
    }
}
