using Samverkan.Deployment.Tests.Support;
using Samverkan.Local;

namespace Samverkan.Deployment.Tests;

public sealed class TyeYamlTests
{
    private readonly TyeApplication _tye = TyeApplication.Load();

    [Fact]
    public void Every_project_named_in_tye_yaml_exists()
    {
        var missing = _tye.Projects
            .Where(service => !File.Exists(Repository.FullPath(service.Project!)))
            .Select(service => $"{service.Name}: {service.Project}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_port_in_tye_yaml_is_the_kestrel_endpoint_of_the_same_name_in_its_project()
    {
        var problems = new List<string>();
        foreach (var service in _tye.Projects.Where(service => File.Exists(Repository.FullPath(service.Project!))))
        {
            var endpoints = Repository.KestrelEndpointsOf(service.Project!);
            foreach (var binding in service.Bindings)
            {
                if (binding.Name is null || !endpoints.TryGetValue(binding.Name, out var endpoint))
                {
                    problems.Add($"{service.Name}: binding '{binding.Name}' has no Kestrel endpoint of that name");
                }
                else if (endpoint.Port != binding.Port)
                {
                    problems.Add($"{service.Name}: binding '{binding.Name}' is port {binding.Port}, Kestrel:Endpoints:{endpoint.Name} is {endpoint.Port}");
                }
            }
            problems.AddRange(endpoints.Values
                .Where(endpoint => !service.Bindings.Any(binding => string.Equals(binding.Name, endpoint.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(endpoint => $"{service.Name}: Kestrel endpoint {endpoint.Name} ({endpoint.Port}) has no binding"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_grpc_binding_is_http2_like_the_kestrel_endpoint_it_names()
    {
        var problems = new List<string>();
        foreach (var service in _tye.Projects.Where(service => File.Exists(Repository.FullPath(service.Project!))))
        {
            var endpoints = Repository.KestrelEndpointsOf(service.Project!);
            foreach (var binding in service.Bindings.Where(binding => string.Equals(binding.Name, "grpc", StringComparison.OrdinalIgnoreCase)))
            {
                if (binding.Protocol != "http2")
                {
                    problems.Add($"{service.Name}: grpc binding has protocol '{binding.Protocol}', not http2");
                }
                if (!endpoints.TryGetValue("Grpc", out var endpoint) || endpoint.Protocols != "Http2")
                {
                    problems.Add($"{service.Name}: Kestrel endpoint Grpc is missing or not Protocols=Http2");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_service_project_is_in_tye_yaml_under_its_own_name()
    {
        var problems = new List<string>();
        foreach (var project in Repository.ServiceProjects())
        {
            var service = _tye.Projects.FirstOrDefault(service => service.Project == project.ProjectPath);
            if (service is null)
            {
                problems.Add($"{project.ProjectPath} is not in tye.yaml");
            }
            else if (service.Name != project.Id)
            {
                problems.Add($"{project.ProjectPath} is named '{service.Name}' in tye.yaml, expected '{project.Id}' (its Dapr app id and gateway cluster)");
            }
            else if (service.Bindings.All(binding => binding.Name != "http") || service.Bindings.All(binding => binding.Name != "grpc"))
            {
                problems.Add($"{service.Name} needs both an http and a grpc binding");
            }
        }

        Assert.Empty(problems);
    }

    /// <summary>Tye sets no service discovery entries of its own: each project's env must resolve what it calls.</summary>
    [Fact]
    public void Every_logical_address_a_project_names_resolves_in_its_tye_env_to_the_binding_of_the_service_it_names()
    {
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var service = _tye.Projects.FirstOrDefault(service => service.Project == process.ProjectPath);
            if (service is null)
            {
                problems.Add($"{process.ProjectPath} is not in tye.yaml");
                continue;
            }
            var environment = service.Env.Where(variable => variable.Value is not null).ToDictionary(variable => variable.Name, variable => variable.Value!);
            problems.AddRange(AddressResolution.Problems("tye.yaml", process, environment, BindingUrl));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_project_gets_its_runtime_environment_in_tye_yaml()
    {
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var env = _tye.Projects.FirstOrDefault(service => service.Project == process.ProjectPath)?.Env ?? [];
            var environment = env.Where(variable => variable.Value is not null).ToDictionary(variable => variable.Name, variable => variable.Value!);
            problems.AddRange(RuntimeEnvironmentCheck.Problems("tye.yaml", process, environment));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Tye_yaml_runs_every_project_with_dapr_and_mongodb_beside_them()
    {
        Assert.Contains(_tye.Extensions, extension => extension.Name == "dapr");
        var mongo = Assert.Single(_tye.Services, service => service.Name == "mongo");
        Assert.StartsWith("mongo", mongo.Image);
        Assert.Contains(mongo.Bindings, binding => binding.Port == 27017);
        Assert.Contains(_tye.Projects, service => service.Project == GatewayConfiguration.ProjectPath);
    }

    // Bindings are named as the endpoints in logical addresses (grpc, http).
    private string BindingUrl(ServiceDefinition owner, string endpoint) =>
        _tye.Projects.FirstOrDefault(service => service.Name == owner.Name)?.Bindings.FirstOrDefault(binding => binding.Name == endpoint)?.Port is { } port
            ? $"http://127.0.0.1:{port}"
            : $"(no {endpoint} binding of {owner.Name} in tye.yaml)";
}
