using Samverkan.ServiceDefaults.OpenApi;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Gateway.Audit;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Topology;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// <c>GET /api/audit</c>: the audit trails of every service in the topology, merged, for
/// national staff. The gateway answers it itself (no route forwards <c>/api/audit</c>); it asks
/// every service's own <c>/api/audit</c> with the caller's credentials and merges the answers
/// (<see cref="AuditMerge"/>). A service that cannot answer fails the request with 503 naming
/// it, so a trail is never silently partial.
/// </summary>
public static class PlatformAuditApi
{
    public static IEndpointRouteBuilder MapPlatformAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServiceTrails.Path, ListAsync)
            .RequireAuthorization(Policies.RegistryAdmin)
            .WithTag(PlatformHealthApi.Tag)
            .WithName("ListPlatformAudit")
            .WithSummary("The audit trails of every service, merged, newest first; national staff only");
        return app;
    }

    private static async Task<Results<Ok<Page<JsonObject>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? entity, string? actor, string? cursor, int? limit, ServiceTopology topology, IHttpClientFactory clients,
        HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var (_, take) = Paging.Parse(null, limit, validation);
        var after = AuditCursor.Parse(cursor, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var client = clients.CreateClient(GatewayServiceExtensions.ServicesClient);
        var logger = loggers.CreateLogger(typeof(PlatformAuditApi));
        var query = new AuditQuery(entity, actor, take);
        var trails = await Task.WhenAll(topology.Services.Select(service => ServiceTrails.ReadAsync(
            client, topology, service, query, after.GetValueOrDefault(service), context.Request, logger, cancellationToken)));
        // The trail names who changed what: never kept by a browser or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        if (trails.Where(trail => trail.State == TrailState.Unavailable).Select(trail => trail.Service).ToList() is { Count: > 0 } unavailable)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The audit trail cannot be read completely.",
                detail: $"No answer from {string.Join(", ", unavailable)}. Retry shortly.",
                extensions: new Dictionary<string, object?> { ["services"] = unavailable });
        }
        if (trails.FirstOrDefault(trail => trail.State == TrailState.Refused) is { } refused)
        {
            return TypedResults.Problem(
                statusCode: refused.StatusCode,
                title: "A service refused to show its audit trail.",
                detail: $"{refused.Service} answered {refused.StatusCode} to the caller's credentials.");
        }
        var page = AuditMerge.Take(trails, after, take);
        return TypedResults.Ok(new Page<JsonObject>(page.Items, page.HasMore ? AuditCursor.Format(page.LastIds) : null));
    }
}
