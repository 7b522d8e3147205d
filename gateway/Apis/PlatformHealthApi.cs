using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenTelemetry;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Topology;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// <c>/health</c> is the platform's readiness: 200 only when every destination of every cluster
/// answers its own <c>/health</c> with 200 within the probe timeout, otherwise 503; the body
/// names each service and destination with its state. <c>/alive</c> is the gateway process alone.
/// </summary>
public static class PlatformHealthApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapPlatformHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetPlatformHealth).ExcludeFromDescription();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }

    private static async Task<JsonHttpResult<PlatformHealth>> GetPlatformHealth(
        ServiceTopology topology, IHttpClientFactory clients, HttpContext context, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(GatewayServiceExtensions.ServicesClient);
        // Probes are not traced: the incoming /health is filtered out of traces too, so these
        // would only show up as orphan spans every few seconds.
        using var untraced = SuppressInstrumentationScope.Begin();
        var services = await Task.WhenAll(topology.Services.Select(service => ProbeServiceAsync(client, topology, service, cancellationToken)));
        var healthy = services.All(service => service.Status == HealthState.Healthy);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            new PlatformHealth(healthy ? HealthState.Healthy : HealthState.Unhealthy, services),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> ProbeServiceAsync(
        HttpClient client, ServiceTopology topology, string service, CancellationToken cancellationToken)
    {
        var destinations = await Task.WhenAll(topology.Destinations(service).Select(destination => ProbeAsync(client, destination, cancellationToken)));
        var healthy = destinations.Length > 0 && destinations.All(destination => destination.Status == HealthState.Healthy);
        return new ServiceHealth(service, healthy ? HealthState.Healthy : HealthState.Unhealthy, destinations);
    }

    private static async Task<DestinationHealth> ProbeAsync(HttpClient client, ServiceDestination destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(destination.Resolve("/health"), timeout.Token);
            var state = response.StatusCode == System.Net.HttpStatusCode.OK ? HealthState.Healthy : HealthState.Unhealthy;
            return new DestinationHealth(destination.Name, state, (int)response.StatusCode, Elapsed(started));
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DestinationHealth(destination.Name, HealthState.Unreachable, null, Elapsed(started));
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

public enum HealthState
{
    Healthy,
    Unhealthy,
    Unreachable,
}

// Destination addresses stay out of the body: /health is public and the internal topology is not.
public sealed record PlatformHealth(HealthState Status, IReadOnlyList<ServiceHealth> Services);

public sealed record ServiceHealth(string Name, HealthState Status, IReadOnlyList<DestinationHealth> Destinations);

public sealed record DestinationHealth(string Name, HealthState Status, int? StatusCode, long DurationMs);
