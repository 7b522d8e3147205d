using Samverkan.Deployment.Tests.Support;
using Samverkan.Local;

namespace Samverkan.Deployment.Tests;

/// <summary>
/// Each process names the services it calls by logical address (GrpcClients, and the gateway's
/// clusters), never by host and port; what resolves them is set by the launcher, tye.yaml and the Kubernetes manifests
/// (TyeYamlTests and KubernetesManifestTests check theirs), all from the one topology.
/// </summary>
public sealed class ServiceAddressTests
{
    /// <summary>
    /// Each process's own configuration (what Tye, <c>dotnet run</c> or a container starts from,
    /// without the launcher's settings) names every gRPC service it calls, API key directory
    /// included, by that service's logical address, and nothing else (Topology.GrpcClientsOf).
    /// </summary>
    [Fact]
    public void Every_process_s_own_settings_name_each_service_it_calls_by_its_logical_address_and_no_other()
    {
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var configured = AddressResolution.ClientsOf(process);
            var needed = Topology.GrpcClientsOf(process).ToDictionary(service => service.ConfigName, service => service.GrpcAddress, StringComparer.OrdinalIgnoreCase);
            problems.AddRange(needed.Where(client => configured.GetValueOrDefault(client.Key) != client.Value)
                .Select(client => $"{process.Name}: GrpcClients:{client.Key} is {configured.GetValueOrDefault(client.Key) ?? "not set"}, expected {client.Value}"));
            problems.AddRange(configured.Keys.Except(needed.Keys, StringComparer.OrdinalIgnoreCase)
                .Select(name => $"{process.Name}: GrpcClients:{name} is set, but the topology says it does not call {name}"));
        }

        Assert.Empty(problems);
    }

    /// <summary>A host and port in a process's own settings would win over every deployment's resolution, and differ between them.</summary>
    [Fact]
    public void No_process_s_own_settings_resolve_a_service_address_themselves()
    {
        var resolving = Topology.All.Where(process =>
        {
            using var settings = Repository.AppSettingsOf(process.ProjectPath);
            return settings.RootElement.TryGetProperty("Services", out _);
        });

        Assert.Empty(resolving.Select(process => process.Name));
    }

    [Fact]
    public void Every_logical_address_resolves_in_the_launcher_to_the_endpoint_its_service_listens_on()
    {
        var environment = Topology.ServiceDiscoveryEntries(service => new Uri($"http://127.0.0.1:{service.GrpcPort}/"))
            .Concat(Topology.Services.Concat(Topology.Apps).Select(service =>
                KeyValuePair.Create(Topology.HttpDiscoveryKey(service.Name, 0), $"http://127.0.0.1:{service.RestPort}")))
            .ToDictionary();

        var problems = Topology.All.SelectMany(process => AddressResolution.Problems("launcher", process, environment, ListenedUrl));

        Assert.Empty(problems);
    }

    // The endpoint in the service's own Kestrel settings, which must also be the topology's port.
    private static string ListenedUrl(ServiceDefinition service, string endpoint)
    {
        var (name, port) = endpoint == Topology.GrpcEndpoint ? ("Grpc", service.GrpcPort) : ("Http", (int?)service.RestPort);
        var listened = Repository.KestrelEndpointsOf(service.ProjectPath).TryGetValue(name, out var kestrel) ? kestrel.Port : (int?)null;
        return listened == port ? $"http://127.0.0.1:{listened}" : $"(Kestrel {name} port {listened}, topology {port})";
    }
}
