using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// What a process that is no API service (the web app) shares with the others: telemetry, the
/// launcher's instance header on /health, no Server header, and /health and /alive answered as
/// every service answers them. Not the API's authentication, JSON rules or problem details: such
/// a process signs its users in itself and reaches the services through the gateway only.
/// </summary>
public static class AppDefaults
{
    public static IHostApplicationBuilder AddAppDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddTransient<IStartupFilter, PlatformInstance>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return builder;
    }

    /// <summary>/health (readiness: every check) and /alive (the process alone), in the services' JSON shape.</summary>
    public static WebApplication MapAppHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) || check.Tags.Contains("live"),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }
}
