using Samverkan.Deployment.Tests.Support;

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
}
