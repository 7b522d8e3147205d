using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.TestSupport.InProcess;

/// <summary>
/// One service hosted in the test process on real Kestrel endpoints (REST and gRPC on the ports
/// the platform chose for it), so the other services, started as processes, call it over real
/// HTTP and gRPC as they would in production. What the test gains: the service's clock is the
/// test's (<paramref name="clock"/>).
/// </summary>
/// <param name="settings">The service's configuration as environment variables (<c>Kestrel__Endpoints__Http__Url</c>), see RunningPlatform.SettingsFor.</param>
/// <param name="clock">The service's <see cref="TimeProvider"/>, in place of the system clock.</param>
internal sealed class InProcessService<TProgram>(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    : WebApplicationFactory<TProgram> where TProgram : class
{
    /// <summary>Starts the host; the Kestrel endpoints of <c>settings</c> are listening when this returns.</summary>
    public void Start()
    {
        UseKestrel();
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key.Replace("__", ":"), value);
        }
        builder.UseEnvironment(settings.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Development"));
        // Registered last, so it wins over the service's own TimeProvider.System.
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }
}
