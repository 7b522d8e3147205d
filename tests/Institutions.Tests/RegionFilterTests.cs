using System.Net;
using System.Text.Json.Nodes;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary><c>?region=</c> lists the region's members today, as Regions answers them: an ended membership is not one.</summary>
public sealed class RegionFilterTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task An_institution_whose_membership_ended_is_not_listed_for_the_region()
    {
        var name = $"Högskolan i Regionprov {Guid.NewGuid():N}";
        var ended = await CreateAsync($"{name} A");
        var current = await CreateAsync($"{name} B");
        var regions = fixture.ClientFor("regions");
        using var read = await regions.GetAsync("/api/regions/norra/members");
        var members = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["members"]!.AsArray();
        members.Add(new JsonObject { ["institutionId"] = ended, ["from"] = "2019-01-01", ["to"] = "2020-12-31" });
        members.Add(new JsonObject { ["institutionId"] = current, ["from"] = "2021-01-01" });
        using (var written = await regions.SendJsonAsync(HttpMethod.Put, "/api/regions/norra/members", new JsonObject { ["members"] = members.DeepClone() }, read.Headers.ETag!.Tag))
        {
            Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        }

        var listed = await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?region=norra&q={Uri.EscapeDataString(name)}");

        Assert.Equal([current], listed.Select(institution => institution.Id));
    }

    private async Task<string> CreateAsync(string name)
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { name, kind = "university" });
        return (await response.ReadJsonAsync<InstitutionResponse>()).Id;
    }
}
