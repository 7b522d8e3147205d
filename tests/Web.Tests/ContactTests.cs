using Microsoft.Playwright;

namespace Samverkan.Web.Tests;

/// <summary>An organisation's editors keep its contacts current, often from a phone.</summary>
public sealed class ContactTests(WebFixture fixture)
{
    private const string Organisation = "umea-universitet";
    private const string OtherOrganisation = "lulea-tekniska-universitet";

    private readonly TestData data = new(fixture);

    [Fact]
    public async Task An_editor_verifies_a_stale_contact_on_a_phone_and_cannot_reach_another_organisation_s_form()
    {
        var contact = await data.StaleContactAsync(Organisation);
        var other = await data.StaleContactAsync(OtherOrganisation);
        await using var session = await fixture.SessionAsync(phone: true);
        await session.SignInAsync("org-editor", Organisation);

        await session.GotoAsync($"/organisation/{Organisation}");
        var card = session.Page.Locator($"#kontakt-{contact.Id}");
        Assert.Contains("Behöver verifieras", await card.InnerTextAsync(), StringComparison.Ordinal);
        await session.CheckAsync("organisation-mobil");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Stämmer – verifiera {contact.Function}" }).ClickAsync();

        await session.Page.GetByText($"{contact.Function} är verifierad").WaitForAsync();
        await session.CheckAsync("organisation-verifierad-mobil");
        var stored = await data.GetAsync($"/api/contacts/{contact.Id}");
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd"), stored.GetProperty("verifiedOn").GetString());
        // The page fits the phone: nothing wider than the viewport.
        Assert.True(await session.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");

        var refused = await session.GotoAsync($"/kontakter/{other.Id}/andra");
        Assert.Equal(403, refused.Status);
        Assert.Equal(0, await session.Page.Locator("#email").CountAsync());
        await session.Page.GetByText($"Bara redaktörer för {OtherOrganisation}").WaitForAsync();
        await session.CheckAsync("kontakt-annan-organisation");
        Assert.Equal(0, await session.Page.Locator($"#kontakt-{other.Id}").CountAsync());
    }

    [Fact]
    public async Task The_contact_update_can_be_completed_with_the_keyboard_alone()
    {
        var contact = await data.StaleContactAsync(Organisation);
        var email = $"ny.{Guid.NewGuid():N}@example.se";
        await using var session = await fixture.SessionAsync(phone: true);
        await session.SignInAsync("org-editor", Organisation);
        await session.GotoAsync($"/organisation/{Organisation}");

        // The first tab stop is the skip link, and it leads into the main content.
        await session.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await ActiveTextAsync(session));
        await session.Page.Keyboard.PressAsync("Enter");
        await TabToAsync(session, $"Uppdatera {contact.Function}");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.Locator("#email").WaitForAsync();
        await session.CheckAsync("kontakt-andra-mobil");
        await TabToAsync(session, "email", byId: true);
        await session.Page.Keyboard.PressAsync("Control+A");
        await session.Page.Keyboard.TypeAsync(email);
        await TabToAsync(session, "Spara");
        await session.Page.Keyboard.PressAsync("Enter");

        await session.Page.GetByText($"{contact.Function} är uppdaterad.").WaitForAsync();
        await session.CheckAsync("kontakt-uppdaterad-mobil");
        var stored = await data.GetAsync($"/api/contacts/{contact.Id}");
        Assert.Equal(email, stored.GetProperty("person").GetProperty("email").GetString());
    }

    /// <summary>Presses Tab until the focused element has the accessible name (or id) given; fails after 60 stops.</summary>
    private static async Task TabToAsync(BrowserSession session, string target, bool byId = false)
    {
        for (var stop = 0; stop < 60; stop++)
        {
            await session.Page.Keyboard.PressAsync("Tab");
            var focused = byId
                ? await session.Page.EvaluateAsync<string?>("document.activeElement?.id")
                : await ActiveTextAsync(session);
            if (focused == target)
            {
                // A visible focus: the focused element draws an outline.
                Assert.NotEqual("none", await session.Page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
                return;
            }
        }
        Assert.Fail($"Tab never reached '{target}'.");
    }

    private static Task<string?> ActiveTextAsync(BrowserSession session) =>
        session.Page.EvaluateAsync<string?>("(document.activeElement?.getAttribute('aria-label') || document.activeElement?.innerText || '').trim()");
}
