using Samverkan.ServiceDefaults.OpenApi;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Topology;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// <c>/health</c> is the platform's readiness, the worst state of any destination of any cluster:
/// each destination's own <c>/health</c> status (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>,
/// spelt as every service spells it), <c>Slow</c> (Degraded) when it did not answer within the
/// probe timeout, or <c>Unreachable</c> when it refuses the connection or let
/// <see cref="SlowProbes.UnreachableAfter"/> probes in a row time out. 200 while the platform is Healthy or Degraded (it serves), otherwise 503, as
/// each service answers its own. <c>/alive</c> is the gateway process alone.
/// </summary>
public static class PlatformHealthApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Platform", "The gateway's own endpoints: the platform's health and the audit trails of every service, merged.");

    private const string Unreachable = "Unreachable";
    private const string Slow = "Slow";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapPlatformHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetPlatformHealth)
            .WithTag(Tag)
            .WithName("GetPlatformHealth")
            .WithSummary("The platform's readiness: the worst state of any service, with each destination's state")
            .Produces<PlatformHealth>()
            .Produces<PlatformHealth>(StatusCodes.Status503ServiceUnavailable);
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }

    private static async Task<JsonHttpResult<PlatformHealth>> GetPlatformHealth(
        ServiceTopology topology, SlowProbes slow, IHttpClientFactory clients, HttpContext context, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(GatewayServiceExtensions.ServicesClient);
        // Probes are not traced: the incoming /health is filtered out of traces too, so these
        // would only show up as orphan spans every few seconds.
        using var untraced = SuppressInstrumentationScope.Begin();
        var services = await Task.WhenAll(topology.Services.Select(service => ProbeServiceAsync(client, topology, slow, service, cancellationToken)));
        var status = Worst(services.Select(service => service.Level));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            new PlatformHealth(status.ToString(), services.Select(service => service.Health).ToList()),
            statusCode: status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static async Task<(HealthStatus Level, ServiceHealth Health)> ProbeServiceAsync(
        HttpClient client, ServiceTopology topology, SlowProbes slow, string service, CancellationToken cancellationToken)
    {
        var destinations = await Task.WhenAll(topology.Destinations(service).Select(destination => ProbeAsync(client, slow, destination, cancellationToken)));
        var level = Worst(destinations.Select(destination => destination.Level));
        return (level, new ServiceHealth(service, level.ToString(), destinations.Select(destination => destination.Health).ToList()));
    }

    private static async Task<(HealthStatus Level, DestinationHealth Health)> ProbeAsync(
        HttpClient client, SlowProbes slow, ServiceDestination destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(destination.Resolve("/health"), timeout.Token);
            var level = await ReportedStatusAsync(response, timeout.Token);
            slow.Reset(destination.Address);
            return (level, new DestinationHealth(destination.Name, level.ToString(), (int)response.StatusCode, Elapsed(started)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return slow.TimedOut(destination.Address)
                ? (HealthStatus.Unhealthy, new DestinationHealth(destination.Name, Unreachable, null, Elapsed(started)))
                : (HealthStatus.Degraded, new DestinationHealth(destination.Name, Slow, null, Elapsed(started)));
        }
        catch (HttpRequestException)
        {
            slow.Reset(destination.Address);
            return (HealthStatus.Unhealthy, new DestinationHealth(destination.Name, Unreachable, null, Elapsed(started)));
        }
    }

    /// <summary>
    /// The status a service reports in its body (ServiceDefaults' HealthResponse): a Degraded
    /// service answers 200 too, so the status code alone would call it Healthy. Any answer but a
    /// 200 with a known status counts as Unhealthy.
    /// </summary>
    private static async Task<HealthStatus> ReportedStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return HealthStatus.Unhealthy;
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var reported = body.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;
            return reported is nameof(HealthStatus.Healthy) or nameof(HealthStatus.Degraded) ? Enum.Parse<HealthStatus>(reported) : HealthStatus.Unhealthy;
        }
        catch (JsonException)
        {
            return HealthStatus.Unhealthy;
        }
    }

    // HealthStatus orders Unhealthy < Degraded < Healthy; no destination at all is Unhealthy.
    private static HealthStatus Worst(IEnumerable<HealthStatus> levels) => levels.DefaultIfEmpty(HealthStatus.Unhealthy).Min();

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}

// Statuses are strings spelt as ASP.NET Core's HealthStatus, as every service's /health spells
// them, plus Slow and Unreachable for a destination that did not answer (see SlowProbes). Destination addresses stay out
// of the body: /health is public and the internal topology is not.
public sealed record PlatformHealth(string Status, IReadOnlyList<ServiceHealth> Services);

public sealed record ServiceHealth(string Name, string Status, IReadOnlyList<DestinationHealth> Destinations);

public sealed record DestinationHealth(string Name, string Status, int? StatusCode, long DurationMs);
