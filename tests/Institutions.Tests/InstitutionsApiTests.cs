using System.Net;
using System.Net.Http.Headers;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

public class InstitutionsApiTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    private async Task<(InstitutionResponse Body, string ETag)> CreateAsync(string name, string kind = "university")
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { name, kind });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync<InstitutionResponse>(), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Creating_an_institution_answers_201_with_its_version_as_etag()
    {
        var (created, etag) = await CreateAsync(UniqueName("Högskolan i Test"));

        Assert.Equal(1, created.Version);
        Assert.Equal("\"1\"", etag);
        var read = await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{created.Id}");
        Assert.Equal(created.Name, read.Name);
        Assert.Equal(InstitutionKind.University, read.Kind);
    }

    [Fact]
    public async Task A_missing_name_and_kind_are_a_problem_naming_both_fields()
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { abbreviation = "X" });

        await ProblemAssert.NamesFieldsAsync(response, "kind", "name");
    }

    [Fact]
    public async Task An_unknown_field_is_rejected_and_nothing_is_stored()
    {
        var name = UniqueName("Okänt fält");
        using var response = await _client.PostJsonAsync("/api/institutions", new { name, kind = "university", colour = "blue" });

        await ProblemAssert.NamesFieldsAsync(response, "colour");
        Assert.Empty(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_problem_naming_the_field()
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { name = UniqueName("X"), kind = "castle" });

        await ProblemAssert.NamesFieldsAsync(response, "kind");
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/institutions/no-such-institution");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_stored_institution_is_unchanged()
    {
        var (created, _) = await CreateAsync(UniqueName("Högskolan Före"));
        using (var first = await PutAsync(created.Id, new { name = created.Name + " 2", kind = "university" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await PutAsync(created.Id, new { name = "Lost update", kind = "university" }, "\"1\"");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var stored = await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{created.Id}");
        Assert.Equal(created.Name + " 2", stored.Name);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task A_rejected_update_leaves_the_stored_institution_as_it_was()
    {
        var (created, etag) = await CreateAsync(UniqueName("Högskolan Orörd"));

        using var response = await PutAsync(created.Id, new { name = "", kind = "university" }, etag);

        await ProblemAssert.NamesFieldsAsync(response, "name");
        var stored = await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{created.Id}");
        Assert.Equal((created.Name, created.Version, 1), (stored.Name, stored.Version, stored.Names.Count));
    }

    [Fact]
    public async Task Renaming_an_institution_keeps_its_old_name_searchable()
    {
        var oldName = UniqueName("Landstinget i Test");
        var (created, etag) = await CreateAsync(oldName, "countyCouncil");

        using var response = await PutAsync(created.Id, new { name = "Region Test " + created.Id, kind = "countyCouncil", nameValidFrom = "2019-01-01" }, etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var found = Assert.Single(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(oldName)}"));
        Assert.Equal(created.Id, found.Id);
        Assert.Equal("Region Test " + created.Id, found.Name);
        Assert.Equal(new DateOnly(2018, 12, 31), found.Names.Single(n => n.Name == oldName).ValidTo);
    }

    [Fact]
    public async Task Retiring_keeps_the_institution_readable_but_out_of_the_default_list()
    {
        var name = UniqueName("Högskolan Stängd");
        var (created, _) = await CreateAsync(name);

        using (var response = await _client.DeleteAsync($"/api/institutions/{created.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var stored = await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{created.Id}");
        Assert.Equal(InstitutionStatus.Closed, stored.Status);
        Assert.Empty(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(name)}"));
        Assert.Single(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?status=closed&q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task Merging_into_an_unknown_institution_is_a_problem_naming_the_successor()
    {
        var (created, _) = await CreateAsync(UniqueName("Högskolan Sammanslagen"));

        using var response = await _client.PostJsonAsync($"/api/institutions/{created.Id}/merge", new { successorId = "nowhere" });

        await ProblemAssert.NamesFieldsAsync(response, "successorId");
    }

    [Fact]
    public async Task A_bad_limit_and_cursor_are_problems_naming_the_fields()
    {
        using var response = await _client.GetAsync("/api/institutions?limit=0&cursor=%25%25");

        await ProblemAssert.NamesFieldsAsync(response, "cursor", "limit");
    }

    [Fact]
    public async Task Paging_through_all_institutions_returns_each_once()
    {
        var all = await _client.GetAllAsync<InstitutionResponse>("/api/institutions?status=any&limit=7");

        Assert.True(all.Count > 30, $"Only {all.Count} institutions.");
        Assert.Equal(all.Count, all.Select(i => i.Id).Distinct().Count());
    }

    private Task<HttpResponseMessage> PutAsync(string id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/institutions/{id}") { Content = JsonContent(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return _client.SendAsync(request);
    }

    private static HttpContent JsonContent(object body) =>
        System.Net.Http.Json.JsonContent.Create(body, options: JsonHttp.Options);
}
