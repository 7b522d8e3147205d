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
        using var data = new TemporaryDirectory("cors-wildcard");
        var options = TestPlatform.Options(data.Path, services: []) with
        {
            GatewaySettings = new Dictionary<string, string> { ["Cors__AllowedOrigins__0"] = origin },
            HealthTimeout = TimeSpan.FromSeconds(20),
        };

        var refused = await Assert.ThrowsAsync<PlatformStartException>(() => RunningPlatform.StartAsync(options));

        Assert.Contains("exited with code", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Cors:AllowedOrigins", refused.Message, StringComparison.Ordinal);
    }
}
