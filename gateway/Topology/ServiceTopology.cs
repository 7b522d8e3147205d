using Yarp.ReverseProxy;

namespace Samverkan.Gateway.Topology;

/// <summary>
/// The services behind the gateway, read from the live YARP configuration: one service per
/// cluster, named by its cluster id. There is no second list to keep in step with the routes.
/// A cluster whose metadata says <c>"Samverkan.Kind": "app"</c> (the web app) is no API service:
/// it has no API document, and the platform's health is the API's, so it is left out.
/// </summary>
public sealed class ServiceTopology(IProxyStateLookup proxy)
{
    public const string KindMetadata = "Samverkan.Kind";
    public const string AppKind = "app";

    public IReadOnlyList<string> Services =>
        [.. proxy.GetClusters().Where(cluster => !IsApp(cluster)).Select(cluster => cluster.ClusterId).Order(StringComparer.Ordinal)];

    public bool Contains(string service) => proxy.TryGetCluster(service, out var cluster) && !IsApp(cluster);

    private static bool IsApp(Yarp.ReverseProxy.Model.ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(KindMetadata, out var kind) == true && kind == AppKind;

    public IReadOnlyList<ServiceDestination> Destinations(string service) =>
        proxy.TryGetCluster(service, out var cluster) && !IsApp(cluster)
            ? [.. cluster.Destinations
                .OrderBy(destination => destination.Key, StringComparer.Ordinal)
                .Select(destination => new ServiceDestination(destination.Key, destination.Value.Model.Config.Address))]
            : [];

    /// <summary>
    /// The path prefixes the gateway forwards to a service (<c>/api/regions</c> for the route
    /// <c>/api/regions/{**rest}</c>). Empty string when a route matches every path.
    /// </summary>
    public IReadOnlyList<string> PublicPrefixes(string service) =>
        [.. proxy.GetRoutes()
            .Where(route => route.Config.ClusterId == service)
            .Select(route => Prefix(route.Config.Match.Path))
            .Distinct()];

    public static bool IsUnderPrefix(string path, string prefix) =>
        prefix.Length == 0
        || path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);

    private static string Prefix(string? routeTemplate)
    {
        if (string.IsNullOrEmpty(routeTemplate))
        {
            return "";
        }
        var parameter = routeTemplate.IndexOf('{');
        return (parameter < 0 ? routeTemplate : routeTemplate[..parameter]).TrimEnd('/');
    }
}

public sealed record ServiceDestination(string Name, string Address)
{
    public Uri Resolve(string relativePath) => new(new Uri(Address.TrimEnd('/') + "/"), relativePath.TrimStart('/'));
}
