using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// The coverage table of the 2018 mapping (DOMAIN.md), computed from the seed as on the day of
/// the report: one test per conclusion.
/// </summary>
[Collection(SeededRegistry.Name)]
public class ReportConclusionsTests(CoverageFixture fixture)
{
    private static IEnumerable<string> Ids(IEnumerable<ForumRef> forums) => forums.Select(forum => forum.Id);

    private static IEnumerable<string> Ids(IEnumerable<InstitutionRef> institutions) => institutions.Select(i => i.Id).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Norra_has_fui_radet_as_its_primary_forum_and_nuss_gathers_some()
    {
        var norra = await fixture.CoverageAsync("norra");

        Assert.True(norra.HasPrimaryForum);
        Assert.Equal(["fui-radet"], Ids(norra.PrimaryForums));
        Assert.Equal(["nuss"], Ids(norra.ForumsWithSome));
        var nuss = norra.Forums.Single(forum => forum.Id == "nuss");
        Assert.Equal(2, nuss.MissingCount);
        Assert.Equal(["lulea-tekniska-universitet", "mittuniversitetet"],
            norra.Institutions.Select(i => i.Id).Except(nuss.Includes).Order(StringComparer.Ordinal));
        Assert.Empty(norra.InNoForum);
        Assert.Empty(norra.OnlyInDormantForums);
    }

    [Fact]
    public async Task Uppsala_orebro_has_dialogforum_as_primary_with_the_county_councils_represented_through_rur()
    {
        var region = await fixture.CoverageAsync("uppsala-orebro");

        Assert.Equal(["dialogforum"], Ids(region.PrimaryForums));
        Assert.Equal(["rur"], Ids(region.ForumsWithSome));
        var councils = region.Institutions.Where(i => i.Kind == "countyCouncil").ToList();
        Assert.Equal(7, councils.Count);
        Assert.All(councils, council => Assert.Contains(council.Forums, p =>
            p.ForumId == "dialogforum" && p.Capacity == ParticipationCapacity.RepresentedVia && p.ViaForumId == "rur"));
        Assert.Empty(region.InNoForum);
    }

    [Fact]
    public async Task Stockholm_has_no_primary_forum_and_region_gotland_and_stockholms_universitet_are_in_no_forum()
    {
        var stockholm = await fixture.CoverageAsync("stockholm");

        Assert.False(stockholm.HasPrimaryForum);
        Assert.Equal(["utbildningsradet"], Ids(stockholm.ForumsWithSome));
        Assert.Equal(["region-gotland", "stockholms-universitet"], Ids(stockholm.InNoForum));
        Assert.Empty(stockholm.OnlyInDormantForums);
    }

    [Fact]
    public async Task Sydostra_has_no_primary_forum_because_samverkansmote_covers_all_but_is_dormant()
    {
        var sydostra = await fixture.CoverageAsync("sydostra");

        Assert.False(sydostra.HasPrimaryForum);
        var samverkansmote = Assert.Single(sydostra.CoversAllButDormant);
        Assert.Equal("samverkansmote-sydostra", samverkansmote.Id);
        Assert.False(samverkansmote.Active);
        // As the report says: earlier meetings were held, but none during the last year.
        Assert.Contains("Earlier meetings were held, before 2017-06-30 (date unknown), but none is recorded in the 12 months before 2018-10-24",
            samverkansmote.DormancyReason);
        // "Three forums on different levels": Kompetensrådet prepares for USB, so it is listed as USB's active sub-group.
        Assert.Equal(["usb"], Ids(sydostra.ForumsWithSome));
        var kompetensradet = sydostra.Forums.Single(forum => forum.Id == "kompetensradet");
        Assert.Equal(("usb", true, false), (kompetensradet.ParentId, kompetensradet.Active, kompetensradet.CoversAll));
    }

    [Fact]
    public async Task Hogskolan_i_jonkoping_and_linneuniversitetet_take_part_only_in_the_dormant_samverkansmote()
    {
        var sydostra = await fixture.CoverageAsync("sydostra");

        Assert.Equal(["hogskolan-i-jonkoping", "linneuniversitetet"], Ids(sydostra.OnlyInDormantForums));
        Assert.All(sydostra.Institutions.Where(i => i.State == CoverageState.OnlyInDormantForums),
            institution => Assert.Equal(["samverkansmote-sydostra"], institution.Forums.Select(p => p.ForumId)));
        Assert.Empty(sydostra.InNoForum);
    }

    [Fact]
    public async Task Sodra_has_no_primary_forum_each_side_cooperates_among_itself_and_linneuniversitetet_is_in_no_sodra_forum()
    {
        var sodra = await fixture.CoverageAsync("sodra");

        Assert.False(sodra.HasPrimaryForum);
        Assert.Empty(sodra.CoversAllButDormant);
        Assert.Equal(["larosaten-syd", "sodra-regionvardsnamnden"], Ids(sodra.ForumsWithSome).Order(StringComparer.Ordinal));
        var board = sodra.Forums.Single(forum => forum.Id == "sodra-regionvardsnamnden");
        Assert.All(board.Includes, id => Assert.Equal("countyCouncil", sodra.Institutions.Single(i => i.Id == id).Kind));
        Assert.Equal(4, board.Includes.Count);
        // The report's table names nobody for Södra; its text lists Lärosäten Syd without Linnéuniversitetet (campus Växjö).
        Assert.Equal(["linneuniversitetet"], Ids(sodra.InNoForum));
        Assert.True(Assert.Single(sodra.InNoForum).Partial);
    }

    [Fact]
    public async Task Vastra_has_no_primary_forum_and_region_halland_is_in_no_forum()
    {
        var vastra = await fixture.CoverageAsync("vastra");

        Assert.False(vastra.HasPrimaryForum);
        Assert.Contains("rgs", Ids(vastra.ForumsWithSome));
        Assert.Equal(["region-halland"], Ids(vastra.InNoForum));
        Assert.Empty(vastra.OnlyInDormantForums);
    }

    [Fact]
    public async Task The_national_overview_shows_a_primary_forum_in_norra_and_uppsala_orebro_only()
    {
        var national = await fixture.Client.GetJsonAsync<NationalCoverage>($"/api/coverage?asOf={CoverageFixture.ReportDate}");

        Assert.Equal(6, national.Regions.Count);
        Assert.Equal(2, national.RegionsWithPrimaryForum);
        Assert.Equal(["norra", "uppsala-orebro"], national.Regions.Where(r => r.HasPrimaryForum).Select(r => r.RegionId).Order(StringComparer.Ordinal));
        Assert.False(national.DataAge.OutOfDate);
        Assert.Empty(national.Warnings);
    }

    [Fact]
    public async Task Institutions_carry_the_names_valid_on_the_date_asked_about()
    {
        var then = await fixture.CoverageAsync("stockholm");
        var now = await fixture.CoverageAsync("stockholm", asOf: null);

        Assert.Equal("Stockholms läns landsting", then.Institutions.Single(i => i.Id == "region-stockholm").Name);
        Assert.Equal("Region Stockholm", now.Institutions.Single(i => i.Id == "region-stockholm").Name);
        Assert.Equal("Mälardalens högskola",
            (await fixture.CoverageAsync("uppsala-orebro")).Institutions.Single(i => i.Id == "malardalens-universitet").Name);
    }
}
