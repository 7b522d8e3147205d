using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Samverkan.ServiceDefaults;

internal static class Telemetry
{
    /// <summary>Traces, metrics and logs in every service; exported over OTLP only when an endpoint is configured.</summary>
    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        // Every gRPC call would otherwise log four Information lines from the client handler.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Environment.ApplicationName, serviceNamespace: "samverkan", serviceVersion: ServiceVersion(builder.Environment.ApplicationName)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfPresent()
                .AddMeter("Samverkan.*"))
            .WithTracing(tracing => tracing
                .AddSource("Samverkan.*")
                // Health probes are noise in traces.
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !HealthEndpoints.Paths.Any(path => context.Request.Path.StartsWithSegments(path)))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    /// <summary>
    /// The running build, so a support call can tell which code answered: the entry assembly's
    /// application assembly's informational version (with the commit when the build knows it),
    /// else its assembly version. The application, not the entry assembly: a host started by a
    /// test runner reports the service's version too.
    /// </summary>
    internal static string ServiceVersion(string applicationName)
    {
        Assembly? assembly;
        try
        {
            assembly = Assembly.Load(applicationName);
        }
        catch (IOException)
        {
            assembly = Assembly.GetEntryAssembly();
        }
        return assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "unknown";
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
