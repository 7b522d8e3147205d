using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Settings;

/// <summary>Settings are bound and validated at start (docs/configuration.md): a bad value stops the process, and the message names the setting.</summary>
public sealed class InvalidSettingsTests
{
    [Fact]
    public async Task A_forums_service_with_a_dormancy_period_of_zero_months_exits_naming_the_setting()
    {
        var refused = await StartAsync("forums", new() { ["Coverage__DormantAfterMonths"] = "0" });

        Assert.NotNull(refused.ExitCode);
        Assert.Contains("Coverage:DormantAfterMonths must be between 1 and 1200.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contacts_service_with_a_negative_staleness_period_exits_naming_the_setting()
    {
        var refused = await StartAsync("contacts", new() { ["Contacts__StaleAfterMonths"] = "-1" });

        Assert.NotNull(refused.ExitCode);
        Assert.Contains("Contacts:StaleAfterMonths must be between 0 and 1200.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_a_request_body_limit_of_zero_exits_naming_the_setting()
    {
        var refused = await StartAsync("regions", new() { ["Limits__MaxRequestBodyBytes"] = "0" });

        Assert.NotNull(refused.ExitCode);
        Assert.Contains("Limits:MaxRequestBodyBytes must be at least 1.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_an_unknown_storage_provider_exits_naming_the_setting()
    {
        var refused = await StartAsync("regions", new() { ["Storage__Provider"] = "Oracle" });

        Assert.NotNull(refused.ExitCode);
        Assert.Contains("Storage:Provider 'Oracle' is not known. Use Sqlite or MongoDB.", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<PlatformStartException> StartAsync(string service, Dictionary<string, string> settings)
    {
        using var data = new TemporaryDirectory($"invalid-settings-{service}");
        var options = TestPlatform.Options(data.Path, services: [service], gateway: false) with { Settings = settings };
        return await Assert.ThrowsAsync<PlatformStartException>(() => RunningPlatform.StartAsync(options));
    }
}
