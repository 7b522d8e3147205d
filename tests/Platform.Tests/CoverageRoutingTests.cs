using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// The coverage answers live in Forums but sit under /api/regions: the gateway's more specific
/// routes send them there while the rest of /api/regions stays with Regions.
/// </summary>
public sealed class CoverageRoutingTests(PlatformFixture fixture)
{
    private readonly HttpClient gateway = fixture.Gateway;

    [Fact]
    public async Task Coverage_and_reach_under_a_region_come_from_forums_and_the_region_itself_from_regions()
    {
        using var coverage = JsonDocument.Parse(await gateway.GetStringAsync("/api/regions/norra/coverage?asOf=2018-10-24"));
        using var reach = JsonDocument.Parse(await gateway.GetStringAsync("/api/regions/norra/reach?asOf=2018-10-24"));
        var region = await gateway.GetJsonAsync<Region>("/api/regions/norra");

        Assert.Equal("fui-radet", coverage.RootElement.GetProperty("primaryForums")[0].GetProperty("id").GetString());
        Assert.Equal(7, reach.RootElement.GetProperty("reachable").GetInt32());
        Assert.Equal(7, region.Members.Count);
    }

    [Theory]
    [InlineData("/api/coverage?asOf=2018-10-24", "application/json")]
    [InlineData("/api/exports/registry.json", "application/json")]
    [InlineData("/api/exports/forums.csv", "text/csv")]
    [InlineData("/api/exports/report.html", "text/html")]
    [InlineData("/api/contacts/stale", "application/json")]
    public async Task The_gateway_serves_the_national_answers(string path, string mediaType)
    {
        using var response = await gateway.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_forums_api_description_through_the_gateway_lists_the_coverage_paths()
    {
        using var document = JsonDocument.Parse(await gateway.GetStringAsync("/openapi/forums.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/regions/{id}/coverage", paths);
        Assert.Contains("/api/exports/report.html", paths);
    }
}
