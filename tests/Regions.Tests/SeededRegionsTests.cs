extern alias RegionsService;

using RegionsService::Samverkan.Regions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>
/// The six healthcare regions as seeded, checked against the domain summary's tables (the
/// report's 2018 table; ids are slugs of the institutions' current names).
/// </summary>
public class SeededRegionsTests(RegionsFixture fixture) : IClassFixture<RegionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private Task<RegionResponse> RegionAsync(string id) => _client.GetJsonAsync<RegionResponse>($"/api/regions/{id}");

    [Fact]
    public async Task There_are_six_healthcare_regions()
    {
        var regions = await _client.GetAllAsync<RegionResponse>("/api/regions");

        Assert.Equal(["norra", "sodra", "stockholm", "sydostra", "uppsala-orebro", "vastra"], regions.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("stockholm", "Stockholms sjukvårdsregion", "Stockholmsregionen")]
    [InlineData("sydostra", "Sydöstra sjukvårdsregionen", "Linköpingsregionen")]
    [InlineData("sodra", "Södra sjukvårdsregionen", "Lund/Malmöregionen")]
    [InlineData("vastra", "Västra sjukvårdsregionen", "Göteborgsregionen")]
    [InlineData("uppsala-orebro", "Uppsala-Örebro sjukvårdsregion", "Uppsala/Örebroregionen")]
    [InlineData("norra", "Norra sjukvårdsregionen", "Umeåregionen")]
    public async Task Each_region_has_its_common_name_and_its_name_in_the_ordinance(string id, string name, string ordinanceName)
    {
        var region = await RegionAsync(id);

        Assert.Equal((name, ordinanceName), (region.Name, region.OrdinanceName));
    }

    [Theory]
    [InlineData("stockholm",
        new[] { "region-stockholm", "region-gotland" },
        new[] { "sophiahemmet-hogskola", "stockholms-universitet", "roda-korsets-hogskola", "ersta-skondal-bracke-hogskola", "karolinska-institutet" })]
    [InlineData("sydostra",
        new[] { "region-ostergotland", "region-jonkopings-lan", "region-kalmar-lan" },
        new[] { "linkopings-universitet", "hogskolan-i-jonkoping", "linneuniversitetet" })]
    [InlineData("sodra",
        new[] { "region-kronoberg", "region-blekinge", "region-skane", "region-halland" },
        new[] { "linneuniversitetet", "hogskolan-kristianstad", "blekinge-tekniska-hogskola", "malmo-universitet", "hogskolan-i-halmstad", "lunds-universitet" })]
    [InlineData("vastra",
        new[] { "vastra-gotalandsregionen", "region-halland" },
        new[] { "goteborgs-universitet", "hogskolan-vast", "hogskolan-i-boras", "hogskolan-i-skovde" })]
    [InlineData("uppsala-orebro",
        new[] { "region-uppsala", "region-sormland", "region-varmland", "region-orebro-lan", "region-vastmanland", "region-dalarna", "region-gavleborg" },
        new[] { "karlstads-universitet", "hogskolan-i-gavle", "orebro-universitet", "malardalens-universitet", "hogskolan-dalarna", "uppsala-universitet" })]
    [InlineData("norra",
        new[] { "region-vasternorrland", "region-jamtland-harjedalen", "region-vasterbotten", "region-norrbotten" },
        new[] { "lulea-tekniska-universitet", "umea-universitet", "mittuniversitetet" })]
    public async Task Each_region_has_the_county_councils_and_universities_of_the_2018_table(string id, string[] countyCouncils, string[] universities)
    {
        var region = await RegionAsync(id);

        Assert.Equal(countyCouncils.Concat(universities).Order(StringComparer.Ordinal), region.Members.Select(m => m.InstitutionId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("region-halland", "sodra", "vastra")]
    [InlineData("linneuniversitetet", "sodra", "sydostra")]
    public async Task An_institution_split_between_two_regions_is_a_partial_member_of_both_with_notes(string institutionId, string first, string second)
    {
        foreach (var regionId in new[] { first, second })
        {
            var member = Assert.Single((await RegionAsync(regionId)).Members, m => m.InstitutionId == institutionId);
            Assert.True(member.Partial, $"{institutionId} is a full member of {regionId}.");
            Assert.False(string.IsNullOrWhiteSpace(member.Note), $"{institutionId} has no note in {regionId}.");
        }
    }

    [Fact]
    public async Task The_notes_say_which_part_belongs_where()
    {
        Assert.Equal("Southern municipalities: Halmstad, Laholm, Hylte", Note(await RegionAsync("sodra"), "region-halland"));
        Assert.Contains("Kungsbacka, Varberg, Falkenberg", Note(await RegionAsync("vastra"), "region-halland"), StringComparison.Ordinal);
        Assert.Equal("Campus Växjö", Note(await RegionAsync("sodra"), "linneuniversitetet"));
        Assert.Equal("Campus Kalmar", Note(await RegionAsync("sydostra"), "linneuniversitetet"));
    }

    [Fact]
    public async Task Only_halland_and_linneuniversitetet_are_partial_members()
    {
        var regions = await _client.GetAllAsync<RegionResponse>("/api/regions");

        var partial = regions.SelectMany(r => r.Members.Where(m => m.Partial).Select(m => $"{m.InstitutionId} in {r.Id}"));
        Assert.Equal(
            ["linneuniversitetet in sodra", "linneuniversitetet in sydostra", "region-halland in sodra", "region-halland in vastra"],
            partial.Order(StringComparer.Ordinal));
    }

    private static string? Note(RegionResponse region, string institutionId) =>
        region.Members.Single(m => m.InstitutionId == institutionId).Note;
}
