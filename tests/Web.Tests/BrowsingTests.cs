using Microsoft.Playwright;

namespace Samverkan.Web.Tests;

/// <summary>The public registry as an anonymous visitor sees it: every main page accessible, small, in Swedish.</summary>
public sealed class BrowsingTests(WebFixture fixture)
{
    [Theory]
    [InlineData("/", "start")]
    [InlineData("/sok?q=V%C3%A4sterbottens%20l%C3%A4ns%20landsting", "sok")]
    [InlineData("/regioner", "regioner")]
    [InlineData("/regioner/norra", "region-norra")]
    [InlineData("/regioner/norra?asOf=2018-10-24", "region-norra-2018-10-24")]
    [InlineData("/tackning", "tackning")]
    [InlineData("/regioner/sodra/tackning", "tackning-sodra")]
    [InlineData("/regioner/uppsala-orebro/tackning?asOf=2018-10-24", "tackning-uppsala-orebro-2018-10-24")]
    [InlineData("/institutioner/region-vasterbotten", "institution-region-vasterbotten")]
    [InlineData("/forum/fui-radet", "forum-fui-radet")]
    [InlineData("/forum/utbildningsradet", "forum-utbildningsradet")]
    [InlineData("/forum/kompetensradet?asOf=2016-06-01", "forum-kompetensradet-2016-06-01")]
    [InlineData("/organisation/umea-universitet", "organisation-umea-universitet")]
    [InlineData("/logga-in", "logga-in")]
    [InlineData("/sidan-som-inte-finns", "sidan-finns-inte")]
    public async Task Every_main_page_is_in_Swedish_accessible_and_under_300_KB(string path, string name)
    {
        await using var session = await fixture.SessionAsync();

        await session.GotoAsync(path);

        Assert.Equal("sv", await session.Page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await session.Page.Locator("h1").CountAsync());
        Assert.Equal(1, await session.Page.Locator("main").CountAsync());
        await session.CheckAsync(name);
    }

    [Fact]
    public async Task A_search_finds_an_institution_by_its_former_name_and_says_so()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/");

        await session.Page.GetByLabel("Sök bland forum").FillAsync("Västerbottens läns landsting");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();

        var hit = session.Page.GetByRole(AriaRole.Link, new() { Name = "Region Västerbotten", Exact = true });
        await hit.WaitForAsync();
        Assert.Contains("tidigare namn: Västerbottens läns landsting", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.CheckAsync("sok-tidigare-namn");
    }

    [Fact]
    public async Task Regions_are_listed_in_Swedish_order_with_å_ä_ö_after_z()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/regioner");

        var names = await session.Page.Locator("main li a").AllInnerTextsAsync();

        Assert.True(names.ToList().IndexOf("Sydöstra sjukvårdsregionen") < names.ToList().IndexOf("Södra sjukvårdsregionen"), string.Join(", ", names));
    }

    [Fact]
    public async Task Norra_as_of_2018_10_24_says_the_date_in_Swedish_and_shows_FUI_rådet_as_its_primary_forum()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/regioner/norra");

        await session.Page.GetByLabel("Visa registret som det såg ut den").FillAsync("2018-10-24");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();

        await session.Page.GetByText("Du ser registret som det såg ut den 24 oktober 2018.").WaitForAsync();
        Assert.Contains("asOf=2018-10-24", session.Page.Url, StringComparison.Ordinal);
        var primary = await session.Page.Locator("dt:has-text('Primärt forum') + dd").InnerTextAsync();
        Assert.Contains("FUI-rådet", primary, StringComparison.Ordinal);
        await session.CheckAsync("region-norra-som-den-var");
    }

    [Fact]
    public async Task A_forum_as_of_the_mapping_names_its_participants_as_they_were_called_then_and_keeps_the_date_in_its_links()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/forum/utbildningsradet");
        Assert.Equal(1, await session.Page.GetByRole(AriaRole.Link, new() { Name = "Region Stockholm", Exact = true }).CountAsync());

        await session.Page.GetByLabel("Visa registret som det såg ut den").FillAsync("2018-10-24");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();

        await session.Page.GetByText("Du ser registret som det såg ut den 24 oktober 2018.").WaitForAsync();
        var then = session.Page.GetByRole(AriaRole.Link, new() { Name = "Stockholms läns landsting", Exact = true });
        Assert.Equal("/institutioner/region-stockholm?asOf=2018-10-24", await then.GetAttributeAsync("href"));
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Link, new() { Name = "Region Stockholm", Exact = true }).CountAsync());
        Assert.Equal(1, await session.Page.GetByText("Ändringar görs i vyn för i dag.", new() { Exact = false }).CountAsync());
        var subGroup = session.Page.Locator("ul.tree a").First;
        Assert.EndsWith("?asOf=2018-10-24", await subGroup.GetAttributeAsync("href"), StringComparison.Ordinal);
        await session.CheckAsync("forum-utbildningsradet-2018-10-24");
    }

    [Fact]
    public async Task A_forum_asked_about_before_it_started_says_it_did_not_exist_then()
    {
        await using var session = await fixture.SessionAsync();

        await session.GotoAsync("/forum/usb?asOf=2014-12-31");

        await session.Page.GetByText("Forumet fanns inte i registret den 31 december 2014").WaitForAsync();
        await session.CheckAsync("forum-usb-2014-12-31");
    }

    [Fact]
    public async Task Meetings_and_verification_show_as_precisely_as_the_report_gives_them_and_an_unknown_activity_says_so()
    {
        await using var session = await fixture.SessionAsync();

        await session.GotoAsync("/forum/dialogforum");
        Assert.Equal("april 2018", await session.Page.Locator("dt:has-text('Senaste möte') + dd").InnerTextAsync());
        Assert.Contains("(våren 2018)", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);

        await session.GotoAsync("/regioner/sydostra/tackning?asOf=2017-06-01");
        await session.Page.GetByText("Okänt om aktivt").First.WaitForAsync();
        Assert.Equal(0, await session.Page.Locator("table.matrix .badge-dormant").CountAsync());
        Assert.Contains("Med i forum vars aktivitet inte är känd", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.CheckAsync("tackning-sydostra-2017-06-01");
    }

    /// <summary>Issue 17: what the report states beside a description, and a body that is not a forum.</summary>
    [Fact]
    public async Task A_forum_shows_its_predecessor_split_meetings_seats_and_who_does_not_take_part()
    {
        await using var session = await fixture.SessionAsync();

        await session.GotoAsync("/forum/fui-radet");
        Assert.Contains("FoU-rådet (ombildat 2017)", await session.Page.Locator("dt:has-text('Tidigare organ') + dd").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("fördelat på 2 möten per år, fysiska möten", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);

        await session.GotoAsync("/forum/nuss");
        Assert.Contains("4 platser.", await session.Page.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Mittuniversitetet", await session.Page.Locator("h3:has-text('Deltar inte enligt källan') + ul").InnerTextAsync(), StringComparison.Ordinal);

        await session.GotoAsync("/forum/sodra-ledningsgrupp");
        await session.Page.GetByText("Inte ett samverkansforum").WaitForAsync();
        await session.CheckAsync("forum-sodra-ledningsgrupp");
    }
}
