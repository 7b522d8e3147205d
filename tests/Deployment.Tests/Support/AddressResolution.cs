using Samverkan.Local;
using Samverkan.ServiceDefaults.Grpc;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>
/// Whether the logical addresses a process's appsettings.json names (its gRPC clients, and the
/// gateway's clusters) resolve in an environment (the launcher's, a tye.yaml project's, a pod's)
/// the way service discovery reads them (<see cref="ServiceAddress"/>, the rule the processes
/// themselves apply).
/// </summary>
internal static class AddressResolution
{
    /// <summary>The <c>GrpcClients</c> entries of a process's own appsettings.json, by key.</summary>
    public static IReadOnlyDictionary<string, string> ClientsOf(ServiceDefinition process)
    {
        using var settings = Repository.AppSettingsOf(process.ProjectPath);
        return settings.RootElement.TryGetProperty(ServiceAddress.ClientsSection, out var clients)
            ? clients.EnumerateObject().ToDictionary(client => client.Name, client => client.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every address a process's own settings name, by configuration key: its gRPC clients and, for the gateway, each cluster's destinations.</summary>
    public static IEnumerable<KeyValuePair<string, string>> AddressesOf(ServiceDefinition process)
    {
        foreach (var (client, value) in ClientsOf(process))
        {
            yield return new(ServiceAddress.ClientKey(client), value);
        }
        if (process != Topology.Gateway)
        {
            yield break;
        }
        foreach (var cluster in GatewayConfiguration.Load().Clusters)
        {
            foreach (var destination in cluster.Destinations)
            {
                yield return new($"ReverseProxy:Clusters:{cluster.Name}:Destinations:{destination.Name}:Address", destination.Address ?? "");
            }
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="process"/>'s addresses in <paramref name="environment"/>:
    /// each must resolve (its first endpoint) to <paramref name="expectedUrl"/> of the service and
    /// endpoint (<c>grpc</c>, <c>http</c>) it names.
    /// </summary>
    public static IEnumerable<string> Problems(
        string where, ServiceDefinition process, IReadOnlyDictionary<string, string> environment, Func<ServiceDefinition, string, string> expectedUrl)
    {
        foreach (var (key, value) in AddressesOf(process))
        {
            if (ServiceAddress.Parse(value, out var problem) is not { } address)
            {
                yield return $"{process.Name}: {key} ({value}) {problem}";
                continue;
            }
            var variable = address.ResolutionKey.Replace(":", "__", StringComparison.Ordinal) + "__0";
            var resolved = environment.FirstOrDefault(entry => string.Equals(entry.Key, variable, StringComparison.OrdinalIgnoreCase)).Value;
            var expected = expectedUrl(Topology.Find(address.Service), address.Endpoint);
            if (resolved != expected)
            {
                yield return $"{where}, {process.Name}: {value} resolves through {variable} to {resolved ?? "nothing"}, expected {expected}";
            }
        }
    }
}
