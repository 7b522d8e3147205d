using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// What a process that is no API service (the web app) shares with the others: telemetry, the
/// launcher's instance header on /health, no Server header, and /health, /ready and /alive answered as
/// every service answers them. Not the API's authentication, JSON rules or problem details: such
/// a process signs its users in itself and reaches the services through the gateway only.
/// </summary>
public static class AppDefaults
{
    public static IHostApplicationBuilder AddAppDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);
        builder.Services.AddTransient<IStartupFilter, PlatformInstance>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return builder;
    }

    /// <summary>/health, /ready and /alive as every service answers them (<see cref="HealthEndpoints"/>).</summary>
    public static WebApplication MapAppHealth(this WebApplication app)
    {
        app.MapSamverkanHealth();
        return app;
    }
}
