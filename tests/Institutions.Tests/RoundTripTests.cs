using System.Net;
using System.Text.Json.Nodes;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>A client sends back what it read (PUT), or only what changes (PATCH, RFC 7396).</summary>
public class RoundTripTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonObject> CreateAsync()
    {
        using var response = await _client.PostJsonAsync("/api/institutions",
            new { name = $"Rundturens högskola {Guid.NewGuid():N}", abbreviation = "RH", kind = "university" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, JsonNode body, string mediaType = "application/json", string? ifMatch = null) =>
        _client.SendJsonAsync(method, $"/api/institutions/{id}", body, ifMatch, mediaType);

    private async Task<InstitutionResponse> ReadAsync(string id) => await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{id}");

    [Fact]
    public async Task A_put_of_exactly_what_get_returned_with_one_field_changed_succeeds()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();
        var read = JsonNode.Parse(await _client.GetStringAsync($"/api/institutions/{id}"))!.AsObject();
        read["website"] = "https://rundtur.example.se";

        using var response = await SendAsync(HttpMethod.Put, id, read, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReadAsync(id);
        Assert.Equal("https://rundtur.example.se", stored.Website);
        Assert.Equal(created["name"]!.GetValue<string>(), stored.Name);
        Assert.Equal(2, stored.Version);
        Assert.Single(stored.Names);
    }

    [Fact]
    public async Task A_read_only_field_sent_with_another_value_is_refused_naming_it_and_nothing_changes()
    {
        var read = await CreateAsync();
        var id = read["id"]!.GetValue<string>();
        read["status"] = "closed";
        read["website"] = "https://ska-inte-sparas.example.se";

        using var response = await SendAsync(HttpMethod.Put, id, read);

        await ProblemAssert.NamesFieldsAsync(response, "status");
        var stored = await ReadAsync(id);
        Assert.Equal(1, stored.Version);
        Assert.Null(stored.Website);
    }

    [Fact]
    public async Task A_merge_patch_changes_the_fields_it_names_and_a_null_removes_one()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["website"] = "https://patch.example.se", ["abbreviation"] = null },
            "application/merge-patch+json", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var stored = await ReadAsync(id);
        Assert.Equal("https://patch.example.se", stored.Website);
        Assert.Null(stored.Abbreviation);
        Assert.Equal(created["name"]!.GetValue<string>(), stored.Name);
        Assert.Equal(InstitutionKind.University, stored.Kind);
    }

    [Fact]
    public async Task A_merge_patch_against_a_stale_version_is_412_and_changes_nothing()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["website"] = "https://sent.example.se" },
            "application/merge-patch+json", "\"7\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Null((await ReadAsync(id)).Website);
    }

    [Fact]
    public async Task A_patch_that_is_not_a_merge_patch_is_415()
    {
        var created = await CreateAsync();

        using var response = await SendAsync(HttpMethod.Patch, created["id"]!.GetValue<string>(), new JsonObject { ["website"] = "https://x.example.se" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_merge_patch_with_an_unknown_field_is_refused_naming_it()
    {
        var created = await CreateAsync();
        var id = created["id"]!.GetValue<string>();

        using var response = await SendAsync(HttpMethod.Patch, id, new JsonObject { ["colour"] = "blue" }, "application/merge-patch+json");

        await ProblemAssert.NamesFieldsAsync(response, "colour");
        Assert.Equal(1, (await ReadAsync(id)).Version);
    }
}
