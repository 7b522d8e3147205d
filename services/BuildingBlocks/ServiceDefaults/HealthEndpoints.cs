using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// The three health answers of every service and app, in the JSON of <see cref="HealthResponse"/>:
/// <c>/health</c> reports every check (what an operator and the gateway's platform /health read),
/// <c>/ready</c> only those that decide whether this replica should take traffic (the Kubernetes
/// readiness probe), <c>/alive</c> the process alone (liveness).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>A check that decides readiness: the replica cannot serve while it fails (its store, its read model).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// A check /health reports but /ready leaves out: a state that needs an operator and that
    /// taking replicas out of rotation would not mend. The relay's <c>events</c> check is one: a
    /// dead letter is in the shared store, so every replica reports it, and all of them leaving
    /// rotation would stop the service the operator needs to re-drive it.
    /// </summary>
    public const string ReportedTag = "reported";

    /// <summary>The process runs (liveness).</summary>
    public const string LiveTag = "live";

    public static readonly string[] Paths = ["/health", "/ready", "/alive"];

    public static IEndpointRouteBuilder MapSamverkanHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Answer(check => check.Tags.Overlaps([ReadyTag, ReportedTag, LiveTag])));
        app.MapHealthChecks("/ready", Answer(check => check.Tags.Overlaps([ReadyTag, LiveTag])));
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    private static HealthCheckOptions Answer(Func<HealthCheckRegistration, bool> predicate) =>
        new() { Predicate = predicate, ResponseWriter = HealthResponse.WriteAsync };
}
