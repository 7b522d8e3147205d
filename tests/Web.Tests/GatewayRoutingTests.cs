using System.Net;

namespace Samverkan.Web.Tests;

/// <summary>The gateway serves the app at every path outside the API, and the API's paths stay its own.</summary>
public sealed class GatewayRoutingTests(WebFixture fixture)
{
    [Fact]
    public async Task The_root_is_the_app_with_its_own_strict_policy_and_no_redirect()
    {
        using var response = await fixture.AnonymousGateway.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"sv\">", page, StringComparison.Ordinal);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/api/nowhere")]
    [InlineData("/openapi/nowhere/at/all")]
    public async Task An_unrouted_API_path_is_still_the_gateway_s_problem_not_the_app_s_page(string path)
    {
        using var response = await fixture.AnonymousGateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_app_answers_health_like_every_process()
    {
        using var health = await new HttpClient().GetAsync(new Uri(fixture.Platform.RestUrl("web"), "health"));
        using var alive = await new HttpClient().GetAsync(new Uri(fixture.Platform.RestUrl("web"), "alive"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
