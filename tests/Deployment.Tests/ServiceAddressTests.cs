using Samverkan.Deployment.Tests.Support;
using Samverkan.Local;

namespace Samverkan.Deployment.Tests;

public sealed class ServiceAddressTests
{
    [Fact]
    public void Every_grpc_client_address_is_the_grpc_port_of_the_service_it_names()
    {
        var services = Repository.ServiceProjects().ToDictionary(project => project.Folder, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var consumer in services.Values)
        {
            using var settings = Repository.AppSettingsOf(consumer.ProjectPath);
            if (!settings.RootElement.TryGetProperty("Services", out var clients))
            {
                continue;
            }
            foreach (var client in clients.EnumerateObject())
            {
                if (!client.Value.TryGetProperty("Grpc", out var address))
                {
                    continue;
                }
                if (!services.TryGetValue(client.Name, out var owner))
                {
                    problems.Add($"{consumer.Folder}: Services:{client.Name} names no service");
                    continue;
                }
                var port = new Uri(address.GetString()!).Port;
                var grpcPort = Repository.KestrelEndpointsOf(owner.ProjectPath).TryGetValue("Grpc", out var grpc) ? grpc.Port : (int?)null;
                if (port != grpcPort)
                {
                    problems.Add($"{consumer.Folder}: Services:{client.Name}:Grpc is port {port}, {owner.Folder} serves gRPC on {grpcPort}");
                }
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>
    /// Each process's own configuration (what Tye, <c>dotnet run</c> or a container starts from,
    /// without the launcher's settings) names every gRPC service it calls, API key directory
    /// included, and nothing else (Topology.GrpcClientsOf).
    /// </summary>
    [Fact]
    public void Every_process_s_own_settings_address_each_service_it_calls_over_grpc_and_no_other()
    {
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            using var settings = Repository.AppSettingsOf(process.ProjectPath);
            var configured = settings.RootElement.TryGetProperty("Services", out var clients)
                ? clients.EnumerateObject().Where(client => client.Value.TryGetProperty("Grpc", out _)).Select(client => client.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : [];
            var needed = Topology.GrpcClientsOf(process).Select(service => service.ConfigName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.AddRange(needed.Except(configured).Select(name => $"{process.Name}: calls {name} but its appsettings.json has no Services:{name}:Grpc"));
            problems.AddRange(configured.Except(needed).Select(name => $"{process.Name}: Services:{name}:Grpc is set, but the topology says it does not call {name}"));
        }

        Assert.Empty(problems);
    }
}
