using System.Net;
using Microsoft.Playwright;
using Samverkan.TestSupport;

namespace Samverkan.Web.Tests;

/// <summary>National staff's own pages: partners' API keys (the key shown once, and one that works until revoked) and the audit trail.</summary>
public sealed class NationalStaffTests(WebFixture fixture)
{
    [Fact]
    public async Task National_staff_create_a_partners_API_key_that_works_until_they_revoke_it()
    {
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");
        var description = TestData.Unique("Webbprovnyckel");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "API-nycklar", Exact = true }).ClickAsync();
        await session.Page.GetByLabel("Partner-id").FillAsync("webbtest-nyckel");
        await session.Page.GetByLabel("Beskrivning (valfri)").FillAsync(description);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();

        var key = (await session.Page.Locator("#secret-value").InnerTextAsync()).Trim();
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(key));
        await session.CheckAsync("api-nycklar-ny");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = $"Återkalla nyckeln för webbtest-nyckel ({description})" }).ClickAsync();

        await session.Page.GetByText("Nyckeln för webbtest-nyckel är återkallad.").WaitForAsync();
        Assert.DoesNotContain(key, await session.Page.ContentAsync(), StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await StatusWithKeyAsync(key) == HttpStatusCode.Unauthorized, "the revoked key is refused");
        await session.CheckAsync("api-nycklar");
    }

    [Fact]
    public async Task The_audit_trail_shows_who_created_a_forum_and_others_are_told_it_is_for_national_staff()
    {
        var (forumId, _) = await new TestData(fixture).ForumAsync();
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("registry-admin");

        await session.GotoAsync("/nationellt/granskning");

        var row = session.Page.Locator("tbody tr", new() { HasText = forumId });
        Assert.Contains("Skapad", await row.First.InnerTextAsync(), StringComparison.Ordinal);
        await session.CheckAsync("granskningslogg");

        await using var editor = await fixture.SessionAsync();
        await editor.SignInAsync("org-editor", "umea-universitet");
        var refused = await editor.GotoAsync("/nationellt/granskning");
        Assert.Equal(403, refused.Status);
        Assert.Contains("för nationell personal", await editor.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await editor.Page.Locator("table").CountAsync());
    }

    private async Task<HttpStatusCode> StatusWithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/subscriptions");
        request.Headers.Add("X-Api-Key", key);
        using var response = await fixture.AnonymousGateway.SendAsync(request);
        return response.StatusCode;
    }
}
