using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Scalar.AspNetCore;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Topology;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// The public API description: <c>/openapi/{service}.json</c> for every cluster, fetched from the
/// service's own <c>/openapi/v1.json</c> at request time, and the Scalar reference page over all
/// of them at <c>/api-reference</c>. Which services exist is read from the YARP configuration.
/// </summary>
public static class ApiReferenceApi
{
    public const string ReferencePath = "/api-reference";
    private const string ServiceDocumentPath = "/openapi/v1.json";

    /// <summary>The gateway's own endpoints (<c>/health</c>, <c>/api/audit</c>), described by the gateway itself.</summary>
    public const string GatewayDocument = "gateway";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/{service}.json", GetServiceDocument).ExcludeFromDescription();
        // A literal route, so it wins over the pattern above; no cluster may be named "gateway".
        app.MapOpenApi($"/openapi/{GatewayDocument}.json");
        app.MapScalarApiReference(ReferencePath, (options, context) =>
        {
            var topology = context.RequestServices.GetRequiredService<ServiceTopology>();
            // Nothing on the page calls out to third parties (AI chat, MCP, usage telemetry, web
            // fonts): its Content-Security-Policy allows the gateway only (Security/ApiReferencePolicy).
            options.WithTitle("Samverkan API reference")
                .DisableDefaultFonts()
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry();
            var first = true;
            foreach (var service in topology.Services)
            {
                options.AddDocument(service, Title(service), isDefault: first);
                first = false;
            }
            options.AddDocument(GatewayDocument, "Gateway");
        });
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetServiceDocument(
        string service, ServiceTopology topology, IHttpClientFactory clients, HttpContext context, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var destination = topology.Destinations(service).FirstOrDefault();
        if (destination is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such service.",
                detail: $"The gateway routes to no service named '{service}'.");
        }
        JsonObject? document;
        try
        {
            var client = clients.CreateClient(GatewayServiceExtensions.DocumentsClient);
            using var response = await client.GetAsync(destination.Resolve(ServiceDocumentPath), cancellationToken);
            response.EnsureSuccessStatusCode();
            document = JsonNode.Parse(await response.Content.ReadAsStreamAsync(cancellationToken)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            loggers.CreateLogger(typeof(ApiReferenceApi)).LogWarning(e, "The OpenAPI document of {Service} could not be fetched", service);
            document = null;
        }
        if (document is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The service did not describe its API.",
                detail: $"The OpenAPI document of '{service}' could not be fetched. Retry shortly.");
        }
        AsSeenThroughGateway(document, topology.PublicPrefixes(service), context.Request);
        return TypedResults.Text(document.ToJsonString(), "application/json");
    }

    // A service describes itself at its own internal address. Callers reach it only through the
    // gateway, and only under the prefixes the gateway routes: the server becomes the gateway and
    // paths the gateway does not forward are left out, so "try it" never points past the gateway.
    private static void AsSeenThroughGateway(JsonObject document, IReadOnlyList<string> prefixes, HttpRequest request)
    {
        document["servers"] = new JsonArray(new JsonObject { ["url"] = $"{request.Scheme}://{request.Host}{request.PathBase}" });
        if (document["paths"] is not JsonObject paths)
        {
            return;
        }
        var hidden = paths.Select(path => path.Key)
            .Where(path => !prefixes.Any(prefix => ServiceTopology.IsUnderPrefix(path, prefix)))
            .ToList();
        foreach (var path in hidden)
        {
            paths.Remove(path);
        }
        UnreferencedSchemas.Remove(document);
    }

    private static string Title(string service) =>
        service.Length == 0 ? service : char.ToUpper(service[0], CultureInfo.InvariantCulture) + service[1..];
}
