using System.Net;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>
/// Names as people write them (issue 17): the report's own variant spellings, short forms and
/// the planned name of a dropped merger find the institution; they are never shown as its name.
/// </summary>
public sealed class OtherNamesTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("Karlstad universitet", "karlstads-universitet")]
    [InlineData("Högskolan Gävle", "hogskolan-i-gavle")]
    [InlineData("Jönköping University", "hogskolan-i-jonkoping")]
    [InlineData("Linneuniversitetet", "linneuniversitetet")]
    [InlineData("miun", "mittuniversitetet")]
    public async Task A_variant_spelling_or_short_form_finds_the_institution(string written, string id)
    {
        var found = await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(written)}");

        var institution = Assert.Single(found, i => i.Id == id);
        Assert.Contains(written, institution.OtherNames, StringComparer.OrdinalIgnoreCase);
        Assert.NotEqual(written, institution.Name);
    }

    [Fact]
    public async Task The_planned_name_of_the_dropped_merger_finds_the_three_county_councils()
    {
        var found = await _client.GetAllAsync<InstitutionResponse>("/api/institutions?q=Region%20Norrland");

        Assert.Equal(["region-norrbotten", "region-vasterbotten", "region-vasternorrland"], found.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(found, i => Assert.Contains(i.Lifecycle, e => e.Type == LifecycleType.PlannedMergerDropped && e.PlannedName == "Region Norrland"));
    }

    [Fact]
    public async Task Other_names_are_kept_when_left_out_replaced_when_sent_and_bounded()
    {
        var name = $"Högskolan för Varianter {Guid.NewGuid():N}";
        var variant = $"Variantskolan {Guid.NewGuid():N}";
        using var created = await _client.PostJsonAsync("/api/institutions", new { name, kind = "university", otherNames = new[] { variant, $" {variant} " } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync<InstitutionResponse>();
        Assert.Equal([variant], body.OtherNames);
        var id = body.Id;

        using var kept = await _client.PutJsonAsync($"/api/institutions/{id}", new { name, kind = "university", website = "https://example.se" });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Single(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(variant)}"));

        using var tooMany = await _client.PutJsonAsync($"/api/institutions/{id}",
            new { name, kind = "university", otherNames = Enumerable.Range(0, InstitutionBounds.MaxOtherNames + 1).Select(i => $"Namn {i}") });
        await ProblemAssert.NamesFieldsAsync(tooMany, "otherNames");
        using var cleared = await _client.PutJsonAsync($"/api/institutions/{id}", new { name, kind = "university", otherNames = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty(await _client.GetAllAsync<InstitutionResponse>($"/api/institutions?q={Uri.EscapeDataString(variant)}"));
    }
}
