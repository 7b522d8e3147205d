using System.Diagnostics;
using System.Globalization;
using Samverkan.Bench.Coverage;
using Samverkan.Local;

// Coverage and reach on a registry 100 times the seed (10,000 forums, 100,000 contacts):
//   dotnet run -c Release --project bench/Coverage [-- --requests 50] [--scale 100] [--forums 10000] [--contacts 100000]
//   [--data DIR]: write the registry there and keep it; a later run with the same DIR reuses it.
var requests = Option("--requests", 50);
var scale = Option("--scale", 100);
var forumCount = Option("--forums", 10_000);
var contactCount = Option("--contacts", 100_000);
var dataOption = Array.IndexOf(args, "--data") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;

var root = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory);
var data = dataOption ?? Path.Combine(Path.GetTempPath(), "samverkan-bench", $"coverage-{Guid.NewGuid():N}");
var reuse = File.Exists(Path.Combine(data, "forums.db"));
Directory.CreateDirectory(data);
var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).DateTime);
try
{
    var writing = Stopwatch.StartNew();
    var counts = reuse
        ? await SyntheticRegistry.CountAsync(data)
        : await new SyntheticRegistry(root, data, scale, forumCount, contactCount, today).WriteAsync();
    Console.WriteLine(reuse
        ? $"Reusing {data}: {counts.Regions} regions, {counts.Institutions} institutions, {counts.Forums} forums, {counts.Contacts} contacts"
        : $"Wrote {counts.Regions} regions, {counts.Institutions} institutions, {counts.Forums} forums, {counts.Contacts} contacts in {writing.Elapsed.TotalSeconds:F1} s");

    var options = new PlatformOptions
    {
        DataDirectory = data, FreePorts = true, Gateway = false, Seed = false, Output = null,
        Services = ["regions", "institutions", "forums", "contacts"], HealthTimeout = TimeSpan.FromSeconds(120),
    };
    await using var platform = await RunningPlatform.StartAsync(options);
    using var client = new HttpClient { BaseAddress = platform.RestUrl("forums"), Timeout = TimeSpan.FromMinutes(5) };
    var forumsPid = ProcessMemory.FindService("Samverkan.Forums.dll", data) ?? throw new InvalidOperationException("The Forums process was not found.");
    var startMiB = ProcessMemory.StatusMiB(forumsPid, "VmRSS");

    string[] regions = ["stockholm", "sydostra", "sodra", "vastra", "uppsala-orebro", "norra"];
    var results = new List<Latency>
    {
        await Latency.MeasureAsync(client, "GET /api/regions/{id}/coverage", [.. regions.Select(r => $"/api/regions/{r}/coverage")], requests),
        await Latency.MeasureAsync(client, "GET /api/coverage", ["/api/coverage"], requests),
        await Latency.MeasureAsync(client, "GET /api/regions/{id}/reach", [.. regions.Select(r => $"/api/regions/{r}/reach")], requests),
    };

    Console.WriteLine();
    Console.WriteLine($"{Environment.ProcessorCount} cores, {counts.Forums} forums, {counts.Contacts} contacts, {counts.Institutions} institutions; " +
        $"sequential requests straight to the Forums service (Release: {IsRelease()}), regions cycled");
    Console.WriteLine(Latency.Header);
    results.ForEach(result => Console.WriteLine(result.Row()));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Forums service memory: {startMiB:F0} MiB resident after start, peak working set (VmHWM) {ProcessMemory.StatusMiB(forumsPid, "VmHWM"):F0} MiB, now {ProcessMemory.StatusMiB(forumsPid, "VmRSS"):F0} MiB"));
}
finally
{
    if (dataOption is null)
    {
        Directory.Delete(data, recursive: true);
    }
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

static bool IsRelease() => Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)) == "release";
