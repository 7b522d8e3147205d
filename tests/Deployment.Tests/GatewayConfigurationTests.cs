using Samverkan.Deployment.Tests.Support;
using Samverkan.Local;

namespace Samverkan.Deployment.Tests;

public sealed class GatewayConfigurationTests
{
    private readonly GatewayConfiguration _gateway = GatewayConfiguration.Load();

    [Fact]
    public void Every_service_project_has_a_gateway_cluster_of_its_own_name()
    {
        var missing = Repository.ServiceProjects()
            .Where(project => _gateway.Clusters.All(cluster => cluster.Name != project.Id))
            .Select(project => $"{project.ProjectPath} has no cluster '{project.Id}'");

        Assert.Empty(missing);
    }

    /// <summary>The gateway names every service and app by its REST endpoint's logical address, one destination each (replicas come from resolution).</summary>
    [Fact]
    public void Every_gateway_cluster_names_its_service_by_logical_address()
    {
        var problems = _gateway.Clusters
            .Select(cluster => (cluster, expected: Topology.All.FirstOrDefault(process => process.Name == cluster.Name)?.HttpAddress))
            .Where(entry => entry.expected is null || entry.cluster.Destinations.Count != 1 || entry.cluster.Destinations[0].Address != entry.expected)
            .Select(entry => $"cluster '{entry.cluster.Name}': {string.Join(", ", entry.cluster.Destinations.Select(destination => destination.Address))}, expected {entry.expected ?? "a process of the topology"}");

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_gateway_route_has_an_authorization_policy()
    {
        var open = _gateway.Routes
            .Where(route => string.IsNullOrWhiteSpace(route.AuthorizationPolicy))
            .Select(route => route.Name);

        Assert.NotEmpty(_gateway.Routes);
        Assert.Empty(open);
    }

    [Fact]
    public void Every_gateway_route_leads_to_a_cluster_under_api()
    {
        var problems = _gateway.Routes
            .Where(route => Topology.Apps.All(app => app.Name != route.ClusterId))
            .Where(route => _gateway.Clusters.All(cluster => cluster.Name != route.ClusterId) || route.Path?.StartsWith("/api/", StringComparison.Ordinal) != true)
            .Select(route => $"route '{route.Name}' ({route.Path}) goes to cluster '{route.ClusterId}'");

        Assert.Empty(problems);
    }

    /// <summary>
    /// The web app takes what the API does not: one route matching every path, last in order, so
    /// every API route and the gateway's own endpoints win over it.
    /// </summary>
    [Fact]
    public void The_web_app_route_matches_every_path_and_comes_last()
    {
        var web = Assert.Single(_gateway.Routes, route => route.ClusterId == Topology.Web.Name);

        Assert.Equal("/{**rest}", web.Path);
        Assert.True(web.Order > 0, $"the web route's order is {web.Order}");
        Assert.All(_gateway.Routes.Where(route => route != web), route => Assert.True((route.Order ?? 0) < web.Order, route.Name));
    }
}
