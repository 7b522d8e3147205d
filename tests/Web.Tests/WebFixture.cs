using Microsoft.Playwright;
using Samverkan.TestSupport;

[assembly: AssemblyFixture(typeof(Samverkan.Web.Tests.WebFixture))]

namespace Samverkan.Web.Tests;

/// <summary>
/// The whole platform as real processes on free ports (web app included, reached through the
/// gateway as a browser reaches it), and one Chromium for every test; each test opens its own
/// browser contexts, so sessions never share cookies.
/// </summary>
public sealed class WebFixture : PlatformFixture
{
    /// <summary>Debian's Chromium (.ci/run installs it); Playwright's own browsers are never downloaded.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public override async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (apt-get install -y chromium), as .ci/run does.");
        }
        await base.InitializeAsync();
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh session (its own cookies) on the gateway, at a desktop or a phone's size.</summary>
    public async Task<BrowserSession> SessionAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Platform.GatewayUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "sv-SE",
            HasTouch = phone,
            IsMobile = phone,
        });
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }
}
