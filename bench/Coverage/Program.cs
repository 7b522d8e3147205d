using System.Diagnostics;
using System.Globalization;
using Samverkan.Bench;
using Samverkan.Bench.Coverage;
using Samverkan.Local;
using Samverkan.Text;

// Coverage and reach on a registry 100 times the seed (10,000 forums, 100,000 contacts), against the
// Coverage service and through the gateway, beside GET /api/regions/{id} as the floor, and write-to-visible:
//   dotnet run -c Release --project bench/Coverage [-- --requests 50] [--scale 100] [--forums 10000] [--contacts 100000]
//   [--data DIR]: write the registry there and keep it; a later run with the same DIR reuses it.
//   [--log FILE]: append the services' output there (left out otherwise, so it does not mix with the figures).
var arguments = new BenchOptions(args);
var requests = arguments.Number("--requests", 50);
var size = SyntheticSize.From(args);
var dataOption = arguments.FullPath("--data");
var logFile = arguments.FullPath("--log");
// Services write from their own threads: one synchronized writer.
using var log = logFile is null ? null : TextWriter.Synchronized(new StreamWriter(logFile, append: true) { AutoFlush = true });

var root = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var data = dataOption ?? Path.Combine(Path.GetTempPath(), "samverkan-bench", $"coverage-{Guid.NewGuid():N}");
var reuse = File.Exists(Path.Combine(data, "forums.db"));
Directory.CreateDirectory(data);
var today = SwedishDate.Today(TimeProvider.System);
try
{
    var writing = Stopwatch.StartNew();
    var counts = reuse
        ? await SyntheticRegistry.CountAsync(data)
        : await new SyntheticRegistry(root, data, size.Scale, size.Forums, size.Contacts, today).WriteAsync();
    Console.WriteLine(reuse
        ? $"Reusing {data}: {counts.Regions} regions, {counts.Institutions} institutions, {counts.Forums} forums, {counts.Contacts} contacts"
        : $"Wrote {counts.Regions} regions, {counts.Institutions} institutions, {counts.Forums} forums, {counts.Contacts} contacts in {writing.Elapsed.TotalSeconds:F1} s");

    var options = new PlatformOptions
    {
        DataDirectory = data, FreePorts = true, Gateway = true, Seed = false,
        Output = log is null ? null : log.WriteLine,
        Services = ["regions", "institutions", "forums", "contacts", "coverage"],
        // The start is the rebuild, which grows with the registry: five minutes per hundred times the seed.
        HealthTimeout = TimeSpan.FromMinutes(5 * Math.Max(1, size.Scale / 100.0)),
    };
    // Coverage is healthy once its read model holds every producer's snapshot: the start is the rebuild.
    var rebuild = Stopwatch.StartNew();
    await using var platform = await RunningPlatform.StartAsync(options);
    Console.WriteLine($"Platform healthy (Coverage rebuilt from the producers' snapshots) in {rebuild.Elapsed.TotalSeconds:F1} s");
    using var direct = new HttpClient { BaseAddress = platform.RestUrl("coverage"), Timeout = TimeSpan.FromMinutes(5) };
    using var regionsDirect = new HttpClient { BaseAddress = platform.RestUrl("regions"), Timeout = TimeSpan.FromMinutes(5) };
    using var gateway = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
    using var forums = new HttpClient { BaseAddress = platform.RestUrl("forums"), Timeout = TimeSpan.FromMinutes(5) };
    var coveragePid = ProcessMemory.FindService("Samverkan.Coverage.dll", data) ?? throw new InvalidOperationException("The Coverage process was not found.");
    var startMiB = ProcessMemory.StatusMiB(coveragePid, "VmRSS");
    var startPeakMiB = ProcessMemory.StatusMiB(coveragePid, "VmHWM");

    string[] regions = ["stockholm", "sydostra", "sodra", "vastra", "uppsala-orebro", "norra"];
    var results = new List<Latency>();
    var overallPeakMiB = startPeakMiB;
    // Each row's peak is the Coverage service's own during that row (VmHWM reset before it), so the peak can be placed.
    async Task<Latency> Phase(Func<Task<Latency>> measure)
    {
        ProcessMemory.ResetPeak(coveragePid);
        var result = await measure();
        var peak = ProcessMemory.StatusMiB(coveragePid, "VmHWM");
        overallPeakMiB = Math.Max(overallPeakMiB, peak);
        return result with { CoveragePeakMiB = peak };
    }
    foreach (var (via, client, floorClient) in new[] { ("coverage", direct, regionsDirect), ("gateway", gateway, gateway) })
    {
        // The floor first: the cheapest read of the platform, by the same path, in the same run.
        results.Add(await Phase(() => Latency.MeasureAsync(floorClient, $"{via}: GET /api/regions/{{id}} (floor)", [.. regions.Select(r => $"/api/regions/{r}")], requests)));
        results.Add(await Phase(() => Latency.MeasureAsync(client, $"{via}: GET /api/coverage/regions/{{id}}", [.. regions.Select(r => $"/api/coverage/regions/{r}")], requests)));
        results.Add(await Phase(() => Latency.MeasureAsync(client, $"{via}: GET /api/coverage", ["/api/coverage"], requests)));
        results.Add(await Phase(() => Latency.MeasureAsync(client, $"{via}: GET /api/coverage/regions/{{id}}/reach", [.. regions.Select(r => $"/api/coverage/regions/{r}/reach")], requests)));
        results.Add(await Phase(() => Latency.MeasureAsync(client, $"{via}: GET .../regions/{{id}}?include=matrix", [.. regions.Select(r => $"/api/coverage/regions/{r}?include=matrix")], requests)));
        results.Add(await Phase(() => Latency.MeasureAsync(client, $"{via}: GET /api/regions/{{id}}/coverage (alias)", [.. regions.Select(r => $"/api/regions/{r}/coverage")], requests)));
    }
    var afterReadsMiB = ProcessMemory.StatusMiB(coveragePid, "VmRSS");
    var token = DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(data), TokenRequest.Admin);
    ProcessMemory.ResetPeak(coveragePid);
    var (visible, write) = await WriteToVisible.MeasureAsync(forums, direct, token, regions, requests, today);
    var writesPeakMiB = ProcessMemory.StatusMiB(coveragePid, "VmHWM");
    overallPeakMiB = Math.Max(overallPeakMiB, writesPeakMiB);
    results.Add(write);
    results.Add(visible with { CoveragePeakMiB = writesPeakMiB });

    Console.WriteLine();
    Console.WriteLine($"{Environment.ProcessorCount} cores, {counts.Forums} forums, {counts.Contacts} contacts, {counts.Institutions} institutions; " +
        $"sequential requests to the Coverage service and through the gateway (Release: {BenchOptions.IsRelease}), regions cycled");
    Console.WriteLine(Latency.Header);
    results.ForEach(result => Console.WriteLine(result.Row()));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Coverage service memory: {startMiB:F0} MiB resident after start (peak {startPeakMiB:F0} during the rebuild), {afterReadsMiB:F0} after the reads, " +
        $"peak working set (VmHWM) over the run {overallPeakMiB:F0} MiB, now {ProcessMemory.StatusMiB(coveragePid, "VmRSS"):F0} MiB"));
}
finally
{
    if (dataOption is null)
    {
        Directory.Delete(data, recursive: true);
    }
}
