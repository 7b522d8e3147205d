using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>Search and filters on the national mapping as seeded.</summary>
public class SeededInstitutionsTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private Task<List<InstitutionResponse>> SearchAsync(string query) =>
        _client.GetAllAsync<InstitutionResponse>($"/api/institutions?{query}");

    [Fact]
    public async Task Searching_ore_does_not_find_orebro_but_searching_orebro_does()
    {
        Assert.DoesNotContain(await SearchAsync("q=ore"), i => i.Name.Contains("Örebro", StringComparison.Ordinal));

        var found = await SearchAsync("q=%C3%B6rebro");
        Assert.Contains(found, i => i.Id == "region-orebro-lan");
        Assert.Contains(found, i => i.Id == "orebro-universitet");
    }

    [Fact]
    public async Task The_former_name_vasterbottens_lans_landsting_finds_region_vasterbotten()
    {
        var found = Assert.Single(await SearchAsync("q=" + Uri.EscapeDataString("Västerbottens läns landsting")));

        Assert.Equal("Region Västerbotten", found.Name);
    }

    [Fact]
    public async Task The_former_abbreviation_sll_finds_region_stockholm()
    {
        Assert.Contains(await SearchAsync("q=sll"), i => i.Name == "Region Stockholm");
    }

    [Fact]
    public async Task Filtering_by_region_and_kind_lists_norras_four_county_councils()
    {
        var found = await SearchAsync("region=norra&kind=countyCouncil");

        Assert.Equal(
            ["region-jamtland-harjedalen", "region-norrbotten", "region-vasterbotten", "region-vasternorrland"],
            found.Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_region_filter_is_a_problem_naming_the_field()
    {
        using var response = await _client.GetAsync("/api/institutions?region=atlantis");

        await ProblemAssert.NamesFieldsAsync(response, "region");
    }

    [Fact]
    public async Task The_dropped_region_norrland_merger_is_kept_as_history()
    {
        var norrbotten = await _client.GetJsonAsync<InstitutionResponse>("/api/institutions/region-norrbotten");

        var dropped = Assert.Single(norrbotten.Lifecycle, entry => entry.Type == LifecycleType.PlannedMergerDropped);
        Assert.Contains("region-vasterbotten", dropped.RelatedInstitutionIds);
        Assert.Equal(InstitutionStatus.Active, norrbotten.Status);
    }

    [Fact]
    public async Task Malardalens_hogskola_became_a_university_in_2022()
    {
        var mdu = await _client.GetJsonAsync<InstitutionResponse>("/api/institutions/malardalens-universitet");

        Assert.Equal("Mälardalens universitet", mdu.Name);
        Assert.Equal(new DateOnly(2021, 12, 31), mdu.Names.Single(n => n.Name == "Mälardalens högskola").ValidTo);
    }
}
