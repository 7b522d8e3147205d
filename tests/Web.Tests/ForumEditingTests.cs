using System.Text.Json;
using Microsoft.Playwright;

namespace Samverkan.Web.Tests;

/// <summary>National staff keep the forums: found by search, changed in a form, never over someone else's change.</summary>
public sealed class ForumEditingTests(WebFixture fixture)
{
    private readonly TestData data = new(fixture);

    [Fact]
    public async Task National_staff_find_a_forum_by_a_former_institution_name_change_it_and_see_the_change_in_the_change_feed()
    {
        var forum = await data.ForumAsync();
        var note = TestData.Unique("Vilar i väntan på nytt uppdrag");
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");

        await session.GotoAsync("/");
        await session.Page.GetByLabel("Sök bland forum").FillAsync("Västerbottens läns landsting");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Region Västerbotten", Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = forum.Name, Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = forum.Name }).WaitForAsync();
        await session.CheckAsync("forum-som-handlaggare");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ändra status och möten" }).ClickAsync();
        await session.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("dormant");
        await session.Page.GetByLabel("Kommentar till status").FillAsync(note);
        await session.CheckAsync("forum-andra");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await session.Page.GetByText("Ändringarna är sparade.").WaitForAsync();
        Assert.Contains(note, await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Vilande", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.CheckAsync("forum-sparat");
        var stored = await data.GetAsync($"/api/forums/{forum.Id}");
        Assert.Equal("dormant", stored.GetProperty("status").GetString());
        await TestSupport.Eventually.TrueAsync(() => data.ChangeFeedMentionsAsync(forum.Id, note), "the forum's change in /api/changes");
    }

    [Fact]
    public async Task A_refused_value_is_explained_next_to_its_field()
    {
        var forum = await data.ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        await session.GotoAsync($"/forum/{forum.Id}/andra");

        // A meeting cannot have been held in the future: the API refuses "on", and the form says so at the date field.
        await session.Page.GetByLabel("Registrera ett möte (datum)").FillAsync("2099-01-01");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        var error = session.Page.Locator("#newMeeting-error");
        await error.WaitForAsync();
        Assert.Equal("true", await session.Page.GetAttributeAsync("#newMeeting", "aria-invalid"));
        Assert.Equal("newMeeting-error", await session.Page.GetAttributeAsync("#newMeeting", "aria-describedby"));
        await session.CheckAsync("forum-andra-fel");
        Assert.Empty((await data.GetAsync($"/api/forums/{forum.Id}")).GetProperty("meetingDates").EnumerateArray());
    }

    [Fact]
    public async Task Two_sessions_edit_the_same_forum_and_the_second_is_shown_what_changed_instead_of_overwriting_it()
    {
        var forum = await data.ForumAsync();
        await using var first = await fixture.SessionAsync();
        await using var second = await fixture.SessionAsync();
        await first.SignInAsync("registry-admin");
        await second.SignInAsync("registry-admin");
        await first.GotoAsync($"/forum/{forum.Id}/andra");
        await second.GotoAsync($"/forum/{forum.Id}/andra");

        await first.Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("dormant");
        await first.Page.GetByLabel("Kommentar till status").FillAsync("Först sparad");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await first.Page.GetByText("Ändringarna är sparade.").WaitForAsync();
        await second.Page.GetByLabel("Kommentar till status").FillAsync("Sparad sist");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await second.Page.GetByRole(AriaRole.Heading, new() { Name = "Någon annan har ändrat uppgifterna under tiden" }).WaitForAsync();
        var conflict = await second.Page.InnerTextAsync(".conflict");
        Assert.Contains("Först sparad", conflict, StringComparison.Ordinal);
        Assert.Contains("Vilande", conflict, StringComparison.Ordinal);
        Assert.Contains("Sparad sist", conflict, StringComparison.Ordinal);
        Assert.Equal("Sparad sist", await second.Page.InputValueAsync("#statusNote"));
        // The status the second user left alone now shows the first user's change, so saving again keeps it.
        Assert.Equal("dormant", await second.Page.InputValueAsync("#status"));
        await second.CheckAsync("forum-konflikt");
        var stored = await data.GetAsync($"/api/forums/{forum.Id}");
        Assert.Equal("Först sparad", stored.GetProperty("statusNote").GetString());
    }

    [Fact]
    public async Task National_staff_add_an_invited_participant_remove_one_and_keep_the_rest_as_stored()
    {
        var (id, _) = await new TestData(fixture).ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        await session.GotoAsync($"/forum/{id}");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ändra deltagare" }).ClickAsync();
        await session.Page.GetByLabel("Ta bort Umeå universitet").CheckAsync();
        await session.Page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Luleå tekniska universitet" });
        await session.Page.Locator("#add-capacity").SelectOptionAsync("invited");
        await session.CheckAsync("forum-deltagare");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await session.Page.GetByText("Ändringarna är sparade.").WaitForAsync();
        var participants = await session.Page.Locator("table").First.InnerTextAsync();
        Assert.Contains("Luleå tekniska universitet\tInbjuden", participants, StringComparison.Ordinal);
        Assert.DoesNotContain("Umeå universitet", participants, StringComparison.Ordinal);
        Assert.Contains("Region Västerbotten", participants, StringComparison.Ordinal);
        var stored = await new TestData(fixture).GetAsync($"/api/forums/{id}");
        Assert.Equal(["region-vasterbotten", "lulea-tekniska-universitet"], stored.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("institutionId").GetString()));
    }

    [Fact]
    public async Task National_staff_give_a_participant_a_period_a_note_and_a_body_it_is_represented_through()
    {
        var (id, _) = await new TestData(fixture).ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        await session.GotoAsync($"/forum/{id}/deltagare");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Umeå universitet", Exact = true }).ClickAsync();
        await session.Page.Locator("#capacity").SelectOptionAsync("representedVia");
        await session.Page.GetByLabel("Genom forum").SelectOptionAsync(new SelectOptionValue { Label = "FUI-rådet" });
        await session.Page.GetByLabel("Från och med").FillAsync("2019-01-01");
        await session.Page.GetByLabel("Anmärkning").FillAsync("Genom FUI-rådet sedan 2019");
        await session.Page.GetByLabel("Antal platser").FillAsync("4");
        await session.CheckAsync("forum-deltagare-en");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await session.Page.GetByText("Ändringarna är sparade.").WaitForAsync();
        var participants = await session.Page.Locator("table").First.InnerTextAsync();
        Assert.Contains("2019-01-01–", participants, StringComparison.Ordinal);
        Assert.Contains("Genom FUI-rådet sedan 2019", participants, StringComparison.Ordinal);
        Assert.Contains("4 platser.", participants, StringComparison.Ordinal);
        var stored = (await new TestData(fixture).GetAsync($"/api/forums/{id}")).GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal("representedVia", stored[1].GetProperty("capacity").GetString());
        Assert.Equal("fui-radet", stored[1].GetProperty("viaForumId").GetString());
        Assert.Equal("2019-01-01", stored[1].GetProperty("from").GetString());
        Assert.Equal(4, stored[1].GetProperty("seats").GetInt32());
        Assert.Equal("region-vasterbotten", stored[0].GetProperty("institutionId").GetString());
        Assert.Equal(JsonValueKind.Null, stored[0].GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task A_participant_s_period_that_ends_before_it_begins_is_explained_at_the_end_date_and_nothing_is_stored()
    {
        var (id, _) = await new TestData(fixture).ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        await session.GotoAsync($"/forum/{id}/deltagare/umea-universitet");

        await session.Page.GetByLabel("Från och med").FillAsync("2019-01-01");
        await session.Page.GetByLabel("Till och med").FillAsync("2018-01-01");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await session.Page.Locator("#to-error").WaitForAsync();
        Assert.Equal("true", await session.Page.GetAttributeAsync("#to", "aria-invalid"));
        await session.CheckAsync("forum-deltagare-en-fel");
        var stored = (await new TestData(fixture).GetAsync($"/api/forums/{id}")).GetProperty("participants")[1];
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task A_participant_changed_by_someone_else_meanwhile_is_shown_with_what_changed_and_not_overwritten()
    {
        var (id, _) = await new TestData(fixture).ForumAsync();
        await using var first = await fixture.SessionAsync();
        await using var second = await fixture.SessionAsync();
        await first.SignInAsync("registry-admin");
        await second.SignInAsync("registry-admin");
        await first.GotoAsync($"/forum/{id}/deltagare/umea-universitet");
        await second.GotoAsync($"/forum/{id}/deltagare/umea-universitet");

        await first.Page.GetByLabel("Anmärkning").FillAsync("Först sparad");
        await first.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await first.Page.GetByText("Ändringarna är sparade.").WaitForAsync();
        await second.Page.GetByLabel("Till och med").FillAsync("2030-12-31");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();

        await second.Page.GetByRole(AriaRole.Heading, new() { Name = "Någon annan har ändrat uppgifterna under tiden" }).WaitForAsync();
        Assert.Contains("Först sparad", await second.Page.InnerTextAsync(".conflict"), StringComparison.Ordinal);
        Assert.Equal("Först sparad", await second.Page.InputValueAsync("#note"));
        Assert.Equal("2030-12-31", await second.Page.InputValueAsync("#to"));
        await second.CheckAsync("forum-deltagare-en-konflikt");
        var stored = (await new TestData(fixture).GetAsync($"/api/forums/{id}")).GetProperty("participants")[1];
        Assert.Equal("Först sparad", stored.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task National_staff_add_a_sub_group_which_shows_under_its_parent()
    {
        var (id, parentName) = await new TestData(fixture).ForumAsync();
        var name = TestData.Unique("Webbprovarbetsgrupp");
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        await session.GotoAsync($"/forum/{id}");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ny undergrupp" }).ClickAsync();
        await session.Page.GetByLabel("Namn").FillAsync(name);
        await session.CheckAsync("forum-ny-undergrupp");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Skapa undergruppen" }).ClickAsync();

        await session.Page.GetByRole(AriaRole.Heading, new() { Name = name }).WaitForAsync();
        Assert.Contains(parentName, await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.GotoAsync($"/forum/{id}");
        await session.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task An_organisation_s_editor_is_told_why_there_is_no_forum_form()
    {
        var forum = await data.ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("org-editor", "umea-universitet");

        var response = await session.GotoAsync($"/forum/{forum.Id}/andra");

        Assert.Equal(403, response.Status);
        Assert.Equal(0, await session.Page.Locator("form.stacked-form").CountAsync());
        await session.Page.GetByText("Bara nationella handläggare kan ändra forum.").WaitForAsync();
        await session.CheckAsync("forum-andra-nekad");
    }
}
