using System.Net;
using System.Text.Json.Nodes;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>A client sends back what it read (PUT), or only what changes (PATCH, RFC 7396).</summary>
public class RoundTripTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonObject> CreateAsync()
    {
        using var response = await _client.PostJsonAsync("/api/forums", new
        {
            name = $"Rundturens råd {Guid.NewGuid():N}",
            abbreviation = "RR",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet", capacity = "member" } },
            purpose = "Att pröva rundturer",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return JsonNode.Parse(await _client.GetStringAsync($"/api/forums/{created["id"]!.GetValue<string>()}"))!.AsObject();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, JsonNode body, string mediaType = "application/json", string? ifMatch = null) =>
        _client.SendJsonAsync(method, $"/api/forums/{id}", body, ifMatch, mediaType);

    private async Task<ForumResponse> ReadAsync(string id) => await _client.GetJsonAsync<ForumResponse>($"/api/forums/{id}");

    [Fact]
    public async Task A_put_of_exactly_what_get_returned_with_one_field_changed_succeeds()
    {
        var read = await CreateAsync();
        var id = read["id"]!.GetValue<string>();
        Assert.Equal("Umeå universitet", read["participants"]![0]!["institutionName"]!.GetValue<string>());
        read["website"] = "https://rundtur.example.se";

        using var response = await SendAsync(HttpMethod.Put, id, read, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReadAsync(id);
        Assert.Equal("https://rundtur.example.se", stored.Website);
        Assert.Equal(read["name"]!.GetValue<string>(), stored.Name);
        Assert.Equal("Att pröva rundturer", stored.Purpose);
        Assert.Equal(2, stored.Version);
        Assert.Equal("Umeå universitet", Assert.Single(stored.Participants).InstitutionName);
    }

    [Fact]
    public async Task A_read_only_field_sent_with_another_value_is_refused_naming_it_and_nothing_changes()
    {
        var read = await CreateAsync();
        var id = read["id"]!.GetValue<string>();
        read["participants"]![0]!["institutionName"] = "Ett annat namn";
        read["website"] = "https://ska-inte-sparas.example.se";

        using var response = await SendAsync(HttpMethod.Put, id, read);

        await ProblemAssert.NamesFieldsAsync(response, "participants[0].institutionName");
        var stored = await ReadAsync(id);
        Assert.Equal(1, stored.Version);
        Assert.Null(stored.Website);
    }

    [Fact]
    public async Task A_merge_patch_changes_the_fields_it_names_and_a_null_removes_one()
    {
        var read = await CreateAsync();
        var id = read["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["website"] = "https://patch.example.se", ["purpose"] = null },
            "application/merge-patch+json", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var stored = await ReadAsync(id);
        Assert.Equal("https://patch.example.se", stored.Website);
        Assert.Null(stored.Purpose);
        Assert.Equal(read["name"]!.GetValue<string>(), stored.Name);
        Assert.Equal(["norra"], stored.RegionIds);
        Assert.Equal("umea-universitet", Assert.Single(stored.Participants).InstitutionId);
    }

    [Fact]
    public async Task A_merge_patch_against_a_stale_version_is_412_and_changes_nothing()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["website"] = "https://sent.example.se" },
            "application/merge-patch+json", "\"7\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Null((await ReadAsync(id)).Website);
    }

    [Fact]
    public async Task A_patch_that_is_not_a_merge_patch_is_415()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["website"] = "https://x.example.se" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(1, (await ReadAsync(id)).Version);
    }

    [Fact]
    public async Task A_merge_patch_with_an_unknown_field_is_refused_naming_it()
    {
        var id = (await CreateAsync())["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["colour"] = "blue" }, "application/merge-patch+json");

        await ProblemAssert.NamesFieldsAsync(response, "colour");
        Assert.Equal(1, (await ReadAsync(id)).Version);
    }
}
