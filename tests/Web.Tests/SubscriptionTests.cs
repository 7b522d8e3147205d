using Microsoft.Playwright;
using Samverkan.TestSupport;

namespace Samverkan.Web.Tests;

/// <summary>
/// A partner keeps its webhook subscriptions in the browser: creates one and sees its signing
/// secret exactly once, pings its endpoint (a real one in this process) and reads the delivery log.
/// </summary>
public sealed class SubscriptionTests(WebFixture fixture)
{
    [Fact]
    public async Task A_partner_creates_a_subscription_sees_the_secret_once_and_pings_its_endpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var session = await fixture.SessionAsync();
        await session.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await session.SignInAsync("partner", partner: "webbtest-partner");
        var description = TestData.Unique("Webbprovprenumeration");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Prenumerationer", Exact = true }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ny prenumeration" }).ClickAsync();
        await session.Page.GetByLabel("Mottagarens adress (URL)").FillAsync(receiver.Url.ToString());
        await session.Page.GetByLabel("Händelsetyper").FillAsync("samverkan.forum.*");
        await session.Page.GetByLabel("Beskrivning (valfri)").FillAsync(description);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Skapa prenumeration" }).ClickAsync();

        var secret = (await session.Page.Locator("#secret-value").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Contains("visas bara den här gången", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Kopiera", Exact = true }).ClickAsync();
        await session.Page.GetByText("Kopierad.").WaitForAsync();
        Assert.Equal(secret, await session.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await session.CheckAsync("prenumeration-ny-hemlighet");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Till prenumerationen" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = description }).WaitForAsync();
        Assert.DoesNotContain(secret, await session.Page.ContentAsync(), StringComparison.Ordinal);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Skicka testhändelse" }).ClickAsync();

        await session.Page.GetByText("Mottagaren svarade 200").WaitForAsync();
        Assert.Contains(receiver.Received, webhook => webhook.Type == "samverkan.ping.v1" && webhook.Signature.StartsWith("v1,", StringComparison.Ordinal));
        Assert.Contains("samverkan.ping.v1", await session.Page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await session.CheckAsync("prenumeration");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Byt hemlighet" }).ClickAsync();
        await session.Page.GetByText("Hemligheten är bytt.").WaitForAsync();
        var rotated = (await session.Page.Locator("#secret-value").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", rotated, StringComparison.Ordinal);
        Assert.NotEqual(secret, rotated);
        Assert.Contains("Signerar också till och med", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);

        await session.Page.GetByLabel("Spela upp igen från och med").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spela upp igen" }).ClickAsync();
        await session.Page.GetByText("Leveranserna börjar om från").WaitForAsync();
        Assert.DoesNotContain(rotated, await session.Page.ContentAsync(), StringComparison.Ordinal);

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Alla prenumerationer" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Link, new() { Name = description }).WaitForAsync();
        Assert.DoesNotContain(secret, await session.Page.ContentAsync(), StringComparison.Ordinal);
        await session.CheckAsync("prenumerationer");
    }

    [Fact]
    public async Task A_partner_replays_from_a_feed_position_pauses_its_subscription_and_then_deletes_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var created = await fixture.Gateway.PostJsonAsync("/api/subscriptions", new
        {
            url = receiver.Url.ToString(),
            types = new[] { "samverkan.forum.*" },
            description = TestData.Unique("Webbprov återuppspelning"),
            owner = "webbtest-andring",
            startAfter = "beginning",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        await receiver.WaitUntilAsync(received => received.Count(r => r.Accepted) >= 3, "the first deliveries");
        var third = receiver.Accepted[2].Position;
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("partner", partner: "webbtest-andring");
        await session.GotoAsync($"/prenumerationer/{id}");

        await session.Page.GetByLabel("eller efter position i ändringsflödet").FillAsync((third - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spela upp igen" }).ClickAsync();
        await session.Page.GetByText($"Leveranserna börjar om efter position {third - 1}.").WaitForAsync();
        await receiver.WaitUntilAsync(received => received.Count(r => r.Accepted && r.Position == third) >= 2, "the third event delivered again");

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ändra eller ta bort" }).ClickAsync();
        await session.Page.GetByLabel("Beskrivning (valfri)").FillAsync("Pausad av webbtestet");
        await session.Page.GetByLabel("Leveranser pågår").UncheckAsync();
        await session.CheckAsync("prenumeration-andra");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Heading, new() { Name = "Pausad av webbtestet" }).WaitForAsync();
        var stored = await fixture.Gateway.GetJsonAsync<System.Text.Json.JsonElement>($"/api/subscriptions/{id}");
        Assert.False(stored.GetProperty("enabled").GetBoolean());
        Assert.Equal(["samverkan.forum.*"], stored.GetProperty("types").EnumerateArray().Select(t => t.GetString()));

        await session.Page.GetByRole(AriaRole.Link, new() { Name = "Ändra eller ta bort" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Ta bort prenumerationen" }).ClickAsync();
        await session.Page.Locator("#confirm-error").WaitForAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fixture.Gateway.GetAsync($"/api/subscriptions/{id}")).StatusCode);
        await session.Page.GetByLabel("Jag vill ta bort prenumerationen och dess leveranslogg").CheckAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Ta bort prenumerationen" }).ClickAsync();

        await session.Page.GetByText("Prenumerationen är borttagen.").WaitForAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Gateway.GetAsync($"/api/subscriptions/{id}")).StatusCode);
        await session.CheckAsync("prenumeration-borttagen");
    }

    [Fact]
    public async Task An_organisations_editor_is_told_subscriptions_are_for_partners_and_gets_no_form()
    {
        await using var session = await fixture.SessionAsync();
        await session.SignInAsync("org-editor", "umea-universitet");

        var response = await session.GotoAsync("/prenumerationer/ny");

        Assert.Equal(403, response.Status);
        Assert.Contains("hanteras av partnersystem och nationell personal", await session.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.Locator("form.stacked-form").CountAsync());
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Link, new() { Name = "Prenumerationer", Exact = true }).CountAsync());
    }
}
