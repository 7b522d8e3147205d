using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samverkan.Local;

namespace Samverkan.Web.Tests;

/// <summary>
/// One user's browser session. <see cref="CheckAsync"/> is the one check every page visited gets:
/// axe with the WCAG 2.1 A and AA tags finds nothing, the page and everything it loaded stays
/// under 300 KB, the browser reported no Content-Security-Policy violation or script error, and
/// a screenshot is saved under TestResults/web.
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public const long PageBudgetBytes = 300 * 1024;

    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string Screenshots = Path.Combine(PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory), "TestResults", "web");

    private readonly List<IRequest> finished = [];
    private readonly List<string> browserErrors = [];
    private bool watching;

    public IPage Page { get; } = page;

    /// <summary>Bytes transferred since the last check (headers and bodies as sent, compressed).</summary>
    public long TransferredSinceLastCheck { get; private set; }

    public async Task<IResponse> GotoAsync(string path)
    {
        Watch();
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No answer for {path}.");
        return response;
    }

    /// <summary>Signs in on the development sign-in page as the launcher's token command would: national staff, an organisation's editor, or a partner.</summary>
    public async Task SignInAsync(string role, string? organisation = null, string? partner = null)
    {
        await GotoAsync("/logga-in");
        await Page.CheckAsync(role switch
        {
            "registry-admin" => "#role-admin",
            "org-editor" => "#role-editor",
            _ => "#role-partner",
        });
        if (organisation is not null)
        {
            await Page.SelectOptionAsync("#organisation", organisation);
        }
        if (partner is not null)
        {
            await Page.FillAsync("#partner", partner);
        }
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).WaitForAsync();
    }

    public async Task CheckAsync(string name)
    {
        Watch();
        // Generous: under a full CI run's load a page's last requests once took over the default 30 s.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 90_000 });
        var results = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        Directory.CreateDirectory(Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
        var violations = results.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(" | ", violation.Nodes.Select(node => node.Html))}");
        Assert.True(results.Violations.Length == 0, $"{name} ({Page.Url}): axe found\n{string.Join('\n', violations)}");
        long transferred = 0;
        foreach (var request in finished.ToList())
        {
            var sizes = await request.SizesAsync();
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        finished.Clear();
        TransferredSinceLastCheck = transferred;
        Assert.True(transferred < PageBudgetBytes, $"{name}: {transferred} bytes transferred, over {PageBudgetBytes}");
        Assert.True(browserErrors.Count == 0, $"{name}: the browser reported\n{string.Join('\n', browserErrors)}");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private void Watch()
    {
        if (watching)
        {
            return;
        }
        watching = true;
        Page.RequestFinished += (_, request) => finished.Add(request);
        Page.Console += (_, message) =>
        {
            // A page answered 403 on purpose logs "Failed to load resource"; only policy violations count here.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                browserErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => browserErrors.Add(error);
    }
}
