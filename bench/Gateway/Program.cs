using System.Globalization;
using System.Net.Http.Json;
using Samverkan.Bench;
using Samverkan.Bench.Gateway;
using Samverkan.Local;

// What the gateway costs: the same requests straight to the owning service and through the
// gateway, A/B interleaved in one run, with a valid token (validated at the gateway and again at
// the service); then write throughput through the gateway at 32 concurrent writers.
//   dotnet run -c Release --project bench/Gateway [-- --rounds 3] [--seconds 5] [--connections 32]
var arguments = new BenchOptions(args);
var rounds = arguments.Number("--rounds", 3);
var seconds = TimeSpan.FromSeconds(arguments.Number("--seconds", 5));
var connections = arguments.Number("--connections", 32);

await WrkResult.EnsureInstalledAsync();
var data = Path.Combine(Path.GetTempPath(), "samverkan-bench", $"gateway-{Guid.NewGuid():N}");
try
{
    await using var platform = await RunningPlatform.StartAsync(new PlatformOptions
    {
        DataDirectory = data, FreePorts = true, Output = null, HealthTimeout = TimeSpan.FromSeconds(60),
        // The limiter still runs on every request; its limit is raised so a benchmark client is not refused.
        GatewaySettings = new Dictionary<string, string> { ["RateLimits__PermitsPerMinute"] = "100000000" },
    });
    var token = DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(platform.DataDirectory), TokenRequest.Admin);
    using var gateway = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
    gateway.DefaultRequestHeaders.Authorization = new("Bearer", token);
    await EnsureInstitutionsAsync(gateway, 100);

    (string Label, string Service, string Path)[] reads =
    [
        ("a small read", "regions", "/api/regions/norra"),
        ("a 100-item list", "institutions", "/api/institutions?limit=100"),
    ];
    Console.WriteLine($"Gateway against direct: wrk, {connections} connections, {rounds} rounds of {seconds.TotalSeconds:F0} s each, A/B interleaved ({Environment.ProcessorCount} cores)");
    Console.WriteLine("| request | path | direct req/s | gateway req/s | ratio | direct p50 (ms) | gateway p50 (ms) | added p50 (ms) | direct p99 | gateway p99 |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (label, service, path) in reads)
    {
        var direct = new List<WrkResult>();
        var proxied = new List<WrkResult>();
        await WrkResult.RunAsync(new Uri(platform.GatewayUrl, path), token, connections, TimeSpan.FromSeconds(2)); // warm-up
        await WrkResult.RunAsync(new Uri(platform.RestUrl(service), path), token, connections, TimeSpan.FromSeconds(2));
        for (var round = 0; round < rounds; round++)
        {
            direct.Add(await WrkResult.RunAsync(new Uri(platform.RestUrl(service), path), token, connections, seconds));
            proxied.Add(await WrkResult.RunAsync(new Uri(platform.GatewayUrl, path), token, connections, seconds));
        }
        if (direct.Concat(proxied).Sum(result => result.Errors) is > 0 and var errors)
        {
            throw new InvalidOperationException($"{path}: {errors} answers were not 2xx/3xx.");
        }
        var (d, g) = (Median(direct), Median(proxied));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | `{path}` | {d.RequestsPerSecond:F0} | {g.RequestsPerSecond:F0} | {g.RequestsPerSecond / d.RequestsPerSecond:F2} | {d.P50:F2} | {g.P50:F2} | {g.P50 - d.P50:F2} | {d.P99:F1} | {g.P99:F1} |"));
    }

    Console.WriteLine();
    Console.WriteLine($"Writes through the gateway: {connections} concurrent writers for {seconds.TotalSeconds * rounds:F0} s, each a create then a merge patch");
    Console.WriteLine("| write | count | per second | p50 (ms) | p99 (ms) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var result in await Writers.RunAsync(gateway, connections, seconds * rounds))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {result.Kind} | {result.Count} | {result.PerSecond:F0} | {result.P50:F1} | {result.P99:F1} |"));
    }
}
finally
{
    Directory.Delete(data, recursive: true);
}

// The median round by throughput: one disturbed round on a shared machine does not decide the figure.
static WrkResult Median(List<WrkResult> results) => results.OrderBy(result => result.RequestsPerSecond).ElementAt(results.Count / 2);

// The seed has fewer than 100 institutions; the list measured is a full page of 100.
static async Task EnsureInstitutionsAsync(HttpClient gateway, int count)
{
    var page = await gateway.GetFromJsonAsync<Page>("/api/institutions?limit=100");
    for (var i = page!.Items.Count; i < count; i++)
    {
        using var created = await gateway.PostAsJsonAsync("/api/institutions", new { name = $"Mäthögskolan {i}", kind = "university" });
        created.EnsureSuccessStatusCode();
    }
}

internal sealed record Page(List<System.Text.Json.JsonElement> Items);
