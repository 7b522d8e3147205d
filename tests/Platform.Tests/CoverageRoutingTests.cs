using System.Text.Json.Nodes;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// Coverage has a service of its own under /api/coverage. The paths it answered under before
/// (/api/regions/{id}/coverage and /reach, /api/exports/**) still reach it through the gateway's
/// narrower routes, as deprecated aliases, while the rest of /api/regions stays with Regions.
/// </summary>
public sealed class CoverageRoutingTests(PlatformFixture fixture)
{
    private readonly HttpClient gateway = fixture.Gateway;

    [Fact]
    public async Task Coverage_and_reach_come_from_the_coverage_service_and_the_region_itself_from_regions()
    {
        var coverage = await ReadAsync("/api/coverage/regions/norra?asOf=2018-10-24");
        var reach = await ReadAsync("/api/coverage/regions/norra/reach?asOf=2018-10-24");
        var region = await gateway.GetJsonAsync<Region>("/api/regions/norra");

        Assert.Equal("fui-radet", coverage["primaryForums"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(7, reach["reachable"]!.GetValue<int>());
        Assert.Equal(7, region.Members.Count);
        Assert.Contains(coverage["readModel"]!["producers"]!.AsArray(), p => p!["producer"]!.GetValue<string>() == "forums" && p["position"]!.GetValue<long>() > 0);
    }

    [Theory]
    [InlineData("/api/regions/norra/coverage?asOf=2018-10-24", "/api/coverage/regions/norra?include=matrix&asOf=2018-10-24", "/api/coverage/regions/norra?include=matrix")]
    [InlineData("/api/regions/norra/reach?asOf=2018-10-24", "/api/coverage/regions/norra/reach?asOf=2018-10-24", "/api/coverage/regions/norra/reach")]
    public async Task An_old_path_answers_as_the_new_one_and_says_it_is_deprecated_and_where_to_go(string old, string successor, string link)
    {
        using var response = await gateway.GetAsync(old);
        var before = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        var now = await ReadAsync(successor);

        Assert.True(response.IsSuccessStatusCode, $"{old} answered {(int)response.StatusCode}");
        Assert.StartsWith("@", response.Headers.GetValues("Deprecation").Single());
        Assert.EndsWith("GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Contains($"<{link}>; rel=\"successor-version\"", response.Headers.GetValues("Link"));
        before.Remove("readModel");
        now.Remove("readModel");
        Assert.Equal(now.ToJsonString(), before.ToJsonString());
    }

    [Theory]
    [InlineData("/api/coverage?asOf=2018-10-24", "application/json")]
    [InlineData("/api/coverage/exports/registry.json", "application/json")]
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
    public async Task The_coverage_api_description_through_the_gateway_lists_the_new_paths_and_the_old_ones_as_deprecated()
    {
        var document = await ReadAsync("/openapi/coverage.json");

        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/coverage/regions/{id}", paths.Select(p => p.Key));
        Assert.Contains("/api/coverage/exports/report.html", paths.Select(p => p.Key));
        Assert.True(paths["/api/regions/{id}/coverage"]!["get"]!["deprecated"]!.GetValue<bool>());
        var forums = await ReadAsync("/openapi/forums.json");
        Assert.DoesNotContain("/api/regions/{id}/coverage", forums["paths"]!.AsObject().Select(p => p.Key));
    }

    private async Task<JsonObject> ReadAsync(string path) => JsonNode.Parse(await gateway.GetStringAsync(path))!.AsObject();
}
