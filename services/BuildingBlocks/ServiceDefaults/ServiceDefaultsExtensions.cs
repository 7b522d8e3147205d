using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Json;
using Samverkan.ServiceDefaults.Limits;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.ServiceDefaults.Protocol;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// What every Samverkan process has: telemetry, authentication, health, problem details, strict JSON, gRPC,
/// and HTTP as clients expect it (compression, HEAD, 304, 415: docs/api.md).
/// Storage is apart (Samverkan.Storage.Hosting), since the gateway owns no data.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = HealthEndpoints.ReadyTag;

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddSamverkanAuth();
        builder.RouteByPathAndMethod();

        var services = builder.Services;
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddSamverkanCompression();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw instead of answering a bare 400, so the handler above can name the field.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => ConfigureApiJson(options.SerializerOptions));
        services.AddOpenApi(options => options.AddSamverkanTransformers());
        services.AddHttpContextAccessor();
        services.AddTransient<IStartupFilter, PlatformInstance>();
        // One clock for every building block and service (tests of building blocks add their own).
        services.AddSingleton(TimeProvider.System);
        services.AddGrpc();
        services.AddGrpcHealthChecks();
        // No resource comes near 1 MiB; a larger body is refused with 413 before it is read. No
        // Server header: it only tells a scanner which server to target.
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((options, limits) =>
        {
            options.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes;
            options.AddServerHeader = false;
            RequestLimits.ConfigureKestrel(options.Limits);
        });
        return builder;
    }

    /// <summary>
    /// The public JSON contract, read strictly (docs/api.md): camelCase names in exactly that case,
    /// enums as their camelCase names exactly, numbers as JSON numbers (never strings), each
    /// property once, no unknown fields, and no null inside a list of non-nullable elements.
    /// Storage and events keep their own, tolerant options (StorageJson, CloudEvent).
    /// </summary>
    public static void ConfigureApiJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // The web defaults ASP.NET Core starts from are lenient on all three.
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new StrictEnumConverterFactory());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NonNullElements.Refuse);
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // First, so problems and refusals are compressed like any other answer.
        app.UseResponseCompression();
        app.UseRequestLimits();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Routing is placed here rather than first (where WebApplication would put it), so a HEAD
        // is routed as its GET.
        app.UseHeadAsGet();
        app.UseRouting();
        app.EnsureRoutedByPathAndMethod();
        app.UseSamverkanAuth();
        app.UseAcceptedContentTypes();
        app.MapOpenApi();
        app.MapGrpcHealthChecksService();
        app.MapSamverkanHealth();
        return app;
    }
}
