using System.Globalization;
using Samverkan.Bench;
using Samverkan.Bench.Coverage;
using Samverkan.Bench.Web;
using Samverkan.Local;
using Samverkan.Text;

// Server time and weight of the web app's main pages through the gateway, on the seed and on a registry
// 100 times the seed, in one run:
//   dotnet run -c Release --project bench/Web [-- --requests 50] [--scale 100] [--forums 10000] [--contacts 100000]
var arguments = new BenchOptions(args);
var requests = arguments.Number("--requests", 50);
var size = SyntheticSize.From(args);
var root = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var today = SwedishDate.Today(TimeProvider.System);

(string Label, string Path)[] pages =
[
    ("start page /", "/"),
    ("national coverage /tackning", "/tackning"),
    ("region coverage /regioner/norra/tackning", "/regioner/norra/tackning"),
    ("forum /forum/fui-radet", "/forum/fui-radet"),
    ("organisation /organisation/umea-universitet", "/organisation/umea-universitet"),
];

Console.WriteLine($"{Environment.ProcessorCount} cores; an anonymous visitor, sequential requests through the gateway after a warm-up, the whole HTML read (Release: {BenchOptions.IsRelease})");
Console.WriteLine("First visit: the HTML and every style sheet, script and icon it names, as sent (compressed where compressed, headers included).");
foreach (var registry in new[] { "seed", $"{size.Scale}x" })
{
    var data = Path.Combine(Path.GetTempPath(), "samverkan-bench", $"web-{Guid.NewGuid():N}");
    Directory.CreateDirectory(data);
    try
    {
        if (registry != "seed")
        {
            var counts = await new SyntheticRegistry(root, data, size.Scale, size.Forums, size.Contacts, today).WriteAsync();
            Console.WriteLine($"{registry}: {counts.Forums} forums, {counts.Contacts} contacts, {counts.Institutions} institutions");
        }
        var options = new PlatformOptions
        {
            DataDirectory = data, FreePorts = true, Gateway = true, Web = true, Seed = registry == "seed", Output = null,
            Services = ["regions", "institutions", "forums", "contacts", "coverage"],
            HealthTimeout = TimeSpan.FromMinutes(5 * Math.Max(1, size.Scale / 100.0)),
        };
        await using var platform = await RunningPlatform.StartAsync(options);
        using var browser = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
        using var weights = new PageWeight(platform.GatewayUrl);
        Console.WriteLine();
        Console.WriteLine($"{registry}:");
        Console.WriteLine("| page                                         |     n | p50 (ms) | p95 (ms) | p99 (ms) | HTML (KiB) | first visit, sent (KiB) |");
        Console.WriteLine("|----------------------------------------------|------:|---------:|---------:|---------:|-----------:|------------------------:|");
        foreach (var (label, path) in pages)
        {
            var latency = await Latency.MeasureAsync(browser, label, [path], requests);
            var weight = await weights.MeasureAsync(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label,-44} | {latency.Requests,5} | {latency.P50,8:F1} | {latency.P95,8:F1} | {latency.P99,8:F1} | {latency.ResponseBytes / 1024.0,10:F1} | {weight.Total / 1024.0,10:F1} (HTML {weight.HtmlBytes / 1024.0,5:F1}) |"));
        }
    }
    finally
    {
        Directory.Delete(data, recursive: true);
    }
}
