namespace Samverkan.Coverage.Apis;

/// <summary>
/// The paths coverage answered under before it had a service of its own (under /api/regions and
/// /api/exports). They keep answering as before, for a deprecation period, with the headers that
/// say so: <c>Deprecation</c> (RFC 9745, the day they were deprecated), <c>Sunset</c> (RFC 8594,
/// the day they may stop answering) and a <c>Link</c> to the path to use instead (docs/api.md).
/// </summary>
public static class DeprecatedPath
{
    /// <summary>2026-12-02, the day coverage moved under /api/coverage, as RFC 9745's structured date.</summary>
    public const string Deprecation = "@1796169600";

    public const string Sunset = "Wed, 30 Jun 2027 00:00:00 GMT";

    /// <summary>Marks the route as deprecated, in its answers and in the OpenAPI document; <paramref name="successor"/> may name route values ({id}).</summary>
    public static RouteHandlerBuilder DeprecatedFor(this RouteHandlerBuilder route, string successor) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Deprecated = true;
                return Task.CompletedTask;
            })
            .WithDescription($"Deprecated: use {successor}. Answers until {Sunset}.")
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var target = successor;
                foreach (var (key, value) in http.Request.RouteValues)
                {
                    target = target.Replace($"{{{key}}}", Uri.EscapeDataString(value?.ToString() ?? ""), StringComparison.Ordinal);
                }
                http.Response.Headers["Deprecation"] = Deprecation;
                http.Response.Headers["Sunset"] = Sunset;
                http.Response.Headers.Append("Link", $"<{target}>; rel=\"successor-version\"");
                return await next(context);
            });
}
