using System.Text.Json;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>The gateway's ReverseProxy section, read from gateway/appsettings.json.</summary>
internal sealed record GatewayConfiguration(IReadOnlyList<GatewayRoute> Routes, IReadOnlyList<GatewayCluster> Clusters)
{
    public const string ProjectPath = "gateway/Samverkan.Gateway.csproj";

    public static GatewayConfiguration Load()
    {
        using var settings = Repository.AppSettingsOf(ProjectPath);
        var proxy = settings.RootElement.GetProperty("ReverseProxy");
        var routes = proxy.GetProperty("Routes").EnumerateObject()
            .Select(route => new GatewayRoute(
                route.Name,
                Text(route.Value, "ClusterId"),
                Text(route.Value, "AuthorizationPolicy"),
                route.Value.TryGetProperty("Match", out var match) ? Text(match, "Path") : null,
                route.Value.TryGetProperty("Order", out var order) ? order.GetInt32() : null))
            .ToList();
        var clusters = proxy.GetProperty("Clusters").EnumerateObject()
            .Select(cluster => new GatewayCluster(
                cluster.Name,
                cluster.Value.TryGetProperty("Destinations", out var destinations)
                    ? [.. destinations.EnumerateObject().Select(destination => new GatewayDestination(destination.Name, Text(destination.Value, "Address")))]
                    : []))
            .ToList();
        return new GatewayConfiguration(routes, clusters);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record GatewayRoute(string Name, string? ClusterId, string? AuthorizationPolicy, string? Path, int? Order = null);

internal sealed record GatewayCluster(string Name, IReadOnlyList<GatewayDestination> Destinations);

internal sealed record GatewayDestination(string Name, string? Address);
