using Samverkan.ServiceDefaults.Grpc;

namespace Samverkan.Gateway.Topology;

/// <summary>
/// The gateway's clusters name the services by logical address (<c>http://_http.forums</c>), as
/// every process names the services it calls; service discovery's configuration provider resolves
/// them from <c>Services:forums:http:0</c> (<c>:1</c>, ... one per replica), which the launcher,
/// tye.yaml and the Kubernetes manifests set. YARP's destination resolver turns each into one
/// destination per endpoint, so <see cref="ServiceTopology"/> sees the resolved ones.
/// </summary>
public static class ClusterAddresses
{
    /// <summary>
    /// Checked here, not at host start: YARP resolves its clusters when the routes are mapped,
    /// before the host starts, and a section nothing resolves would stop it with a message that
    /// names neither the setting nor what to set.
    /// </summary>
    public static IReverseProxyBuilder ResolveClusterAddresses(this IReverseProxyBuilder proxy, IHostApplicationBuilder builder)
    {
        var problems = Problems(builder.Configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }
        builder.AddServiceAddresses();
        return proxy.AddServiceDiscoveryDestinationResolver();
    }

    private static List<string> Problems(IConfiguration configuration) =>
        [.. configuration.GetSection("ReverseProxy:Clusters").GetChildren()
            .SelectMany(cluster => cluster.GetSection("Destinations").GetChildren())
            .Select(destination => destination.GetSection("Address"))
            .Select(address => ServiceAddress.ProblemWith(address.Path, address.Value ?? "", configuration))
            .OfType<string>()];
}
