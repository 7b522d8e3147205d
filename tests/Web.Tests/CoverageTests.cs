using Microsoft.Playwright;

namespace Samverkan.Web.Tests;

/// <summary>
/// Coverage as people read it: the national overview with a bar per region, and a region's
/// matrix of county councils and universities by forum with its reach plan, as the 2018 mapping
/// saw it (Uppsala-Örebro and Norra the only regions with a primary forum, FUI-rådet Norra's).
/// </summary>
public sealed class CoverageTests(WebFixture fixture)
{
    [Fact]
    public async Task The_national_overview_as_of_2018_10_24_shows_the_six_regions_and_the_two_with_a_primary_forum()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Täckning", Exact = true }).ClickAsync();

        await session.Page.GetByLabel("Visa registret som det såg ut den").FillAsync("2018-10-24");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Visa", Exact = true }).ClickAsync();

        await session.Page.GetByText("Du ser registret som det såg ut den 24 oktober 2018.").WaitForAsync();
        Assert.Contains("2 av 6 sjukvårdsregioner har ett primärt forum", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(6, await session.Page.Locator("svg.coverage-bar[role=img]").CountAsync());
        var norra = await session.Page.Locator("tbody tr", new() { Has = session.Page.GetByRole(AriaRole.Link, new() { Name = "Norra sjukvårdsregionen" }) }).InnerTextAsync();
        Assert.Contains("FUI-rådet", norra, StringComparison.Ordinal);
        var stockholm = await session.Page.Locator("tbody tr", new() { Has = session.Page.GetByRole(AriaRole.Link, new() { Name = "Stockholms sjukvårdsregion" }) }).InnerTextAsync();
        Assert.Contains("Inget primärt forum", stockholm, StringComparison.Ordinal);
        await session.CheckAsync("tackning-2018-10-24");
    }

    [Fact]
    public async Task Norras_matrix_as_of_2018_10_24_puts_FUI_rådet_first_as_primary_and_says_how_each_takes_part()
    {
        await using var session = await fixture.SessionAsync();
        await session.GotoAsync("/tackning?asOf=2018-10-24");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Norra sjukvårdsregionen" }).First.ClickAsync();

        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Vem deltar var" }).WaitForAsync();
        Assert.EndsWith("/regioner/norra/tackning?asOf=2018-10-24", session.Page.Url, StringComparison.Ordinal);
        var firstForum = session.Page.Locator("table.matrix thead th").Nth(1);
        Assert.Contains("FUI-rådet", await firstForum.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Primärt", await firstForum.InnerTextAsync(), StringComparison.Ordinal);
        var umea = session.Page.Locator("table.matrix tbody tr", new() { Has = session.Page.GetByRole(AriaRole.Link, new() { Name = "Umeå universitet", Exact = true }) });
        Assert.Equal("Medlem", (await umea.Locator("td").First.InnerTextAsync()).Trim());
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Kontaktplan" }).WaitForAsync();
        await session.CheckAsync("tackning-norra-2018-10-24");
    }

    [Fact]
    public async Task A_region_without_a_primary_forum_names_who_is_in_no_forum_on_a_phone()
    {
        await using var session = await fixture.SessionAsync(phone: true);

        await session.GotoAsync("/regioner/stockholm/tackning?asOf=2018-10-24");

        var inNoForum = await session.Page.Locator("dt:has-text('Inte med i något forum') + dd").InnerTextAsync();
        Assert.Contains("Region Gotland", inNoForum, StringComparison.Ordinal);
        Assert.Contains("Stockholms universitet", inNoForum, StringComparison.Ordinal);
        Assert.Contains("Regionen hade inget primärt forum.", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.CheckAsync("tackning-stockholm-mobil");
    }
}
