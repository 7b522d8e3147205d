using Samverkan.Local;
using Samverkan.ServiceDefaults.Grpc;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>
/// Whether the logical gRPC addresses a process's appsettings.json names (<c>GrpcClients</c>)
/// resolve in an environment (the launcher's, a tye.yaml project's, a pod's) the way service
/// discovery reads them (<see cref="ServiceAddress"/>, the rule the processes themselves apply).
/// </summary>
internal static class GrpcResolution
{
    /// <summary>The <c>GrpcClients</c> entries of a process's own appsettings.json, by key.</summary>
    public static IReadOnlyDictionary<string, string> ClientsOf(ServiceDefinition process)
    {
        using var settings = Repository.AppSettingsOf(process.ProjectPath);
        return settings.RootElement.TryGetProperty(ServiceAddress.ClientsSection, out var clients)
            ? clients.EnumerateObject().ToDictionary(client => client.Name, client => client.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What is wrong with <paramref name="process"/>'s addresses in <paramref name="environment"/>:
    /// each must resolve (its first endpoint) to <paramref name="expectedUrl"/> of the service it names.
    /// </summary>
    public static IEnumerable<string> Problems(string where, ServiceDefinition process, IReadOnlyDictionary<string, string> environment, Func<ServiceDefinition, string> expectedUrl)
    {
        foreach (var (client, value) in ClientsOf(process))
        {
            if (ServiceAddress.Parse(value, out var problem) is not { } address)
            {
                yield return $"{process.Name}: {ServiceAddress.ClientKey(client)} ({value}) {problem}";
                continue;
            }
            var key = address.ResolutionKey.Replace(":", "__", StringComparison.Ordinal) + "__0";
            var resolved = environment.FirstOrDefault(entry => string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            var expected = expectedUrl(Topology.Find(address.Service));
            if (resolved != expected)
            {
                yield return $"{where}, {process.Name}: {value} resolves through {key} to {resolved ?? "nothing"}, expected {expected}";
            }
        }
    }
}
