using Samverkan.Deployment.Tests.Support;

namespace Samverkan.Deployment.Tests;

/// <summary>
/// One catch-all route per public prefix, owned by one service. The only other routes are
/// deliberate, narrower ones into a prefix another service owns (Forums answers
/// /api/regions/{id}/coverage and /reach): they end in a literal segment, so they can never
/// swallow the owner's paths.
/// </summary>
public sealed class GatewayRouteOverlapTests
{
    private readonly GatewayConfiguration _gateway = GatewayConfiguration.Load();

    private static string PrefixOf(string path) => "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Take(2));

    [Fact]
    public void Every_public_prefix_has_exactly_one_catch_all_route()
    {
        var problems = _gateway.Routes.Where(route => route.Path is not null)
            .GroupBy(route => PrefixOf(route.Path!))
            .Where(prefix => prefix.Count(route => route.Path!.EndsWith("/{**rest}", StringComparison.Ordinal)) != 1)
            .Select(prefix => $"{prefix.Key}: {string.Join(", ", prefix.Select(route => route.Name))}");

        Assert.Empty(problems);
    }

    [Fact]
    public void A_narrower_route_ends_in_a_literal_segment()
    {
        var problems = _gateway.Routes
            .Where(route => route.Path is not null && !route.Path.EndsWith("/{**rest}", StringComparison.Ordinal))
            .Where(route => route.Path!.Split('/')[^1].Contains('{', StringComparison.Ordinal))
            .Select(route => $"{route.Name} ({route.Path})");

        Assert.Empty(problems);
    }
}
