using Samverkan.Local;

namespace Samverkan.TestSupport;

/// <summary>Launcher options for tests: free ports, the given data directory, child output kept (see RunningPlatform.OutputOf) but not printed.</summary>
public static class TestPlatform
{
    public static PlatformOptions Options(string dataDirectory, IReadOnlyList<string>? services = null, bool gateway = true)
    {
        var options = new PlatformOptions { DataDirectory = dataDirectory, FreePorts = true, Gateway = gateway, Output = null };
        return services is null ? options : options with { Services = services };
    }

    /// <summary>Starts the whole platform (every service and the gateway) on <paramref name="dataDirectory"/>.</summary>
    public static Task<RunningPlatform> StartAsync(string dataDirectory) => RunningPlatform.StartAsync(Options(dataDirectory));
}
