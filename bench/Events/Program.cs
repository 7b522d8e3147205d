using System.Diagnostics;
using Samverkan.Bench;
using Samverkan.Bench.Events;
using Samverkan.Local;

// Write-to-webhook and write-to-feed latency under a steady write load, and the relay's
// catch-up throughput, on the real platform (every service and the gateway as processes):
//   dotnet run -c Release --project bench/Events [-- --rate 20] [--seconds 30] [--backlog 2000]
var arguments = new BenchOptions(args);
var rate = arguments.Number("--rate", 20);
var seconds = arguments.Number("--seconds", 30);
var backlog = arguments.Number("--backlog", 2000);

using var data = new TempData();
await using var platform = await RunningPlatform.StartAsync(new PlatformOptions
{
    DataDirectory = data.Path, FreePorts = true, Output = null, HealthTimeout = TimeSpan.FromSeconds(60),
});
using var gateway = new HttpClient { BaseAddress = platform.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
// The writes are national staff's: a development token from the platform's own key.
gateway.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(platform.DataDirectory), TokenRequest.Admin));
await using var receiver = await WebhookReceiver.StartAsync();
await Arrivals.SubscribeAsync(gateway, receiver.Url);
await using var feed = await FeedReader.StartAsync(gateway);

Console.WriteLine($"Steady load: {rate} institution writes/s for {seconds} s through the gateway ({Environment.ProcessorCount} cores)");
var writes = await Load.SteadyAsync(gateway, rate, TimeSpan.FromSeconds(seconds));
await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine(Arrivals.Header);
Console.WriteLine(Arrivals.Row("write → feed (SSE)", writes, feed.Arrivals));
Console.WriteLine(Arrivals.Row("write → webhook", writes, receiver.Arrivals));

// Relay throughput: with the Subscriptions service down, a backlog builds in the Institutions
// outbox; after its restart the relay delivers the backlog as fast as it can.
platform.Kill("subscriptions");
var backlogWrites = await Load.BurstAsync(gateway, platform.RestUrl("institutions"), backlog);
var restarted = Stopwatch.StartNew();
var restartedAt = Stopwatch.GetTimestamp();
await platform.RestartAsync("subscriptions");
await feed.WaitForAsync(backlogWrites.Keys, TimeSpan.FromMinutes(10));
Console.WriteLine($"Relay catch-up: {backlog} events into the change feed in {restarted.Elapsed.TotalSeconds:F1} s " +
    $"= {backlog / restarted.Elapsed.TotalSeconds:F0} events/s (including the service's restart)");
// Where that time went: the restart and the first delivery, then the stream of the backlog itself.
var arrivals = backlogWrites.Keys.Select(id => feed.Arrivals[id]).ToList();
var (first, last) = (arrivals.Min(), arrivals.Max());
var streaming = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
Console.WriteLine($"  first event {Stopwatch.GetElapsedTime(restartedAt, first).TotalSeconds:F1} s after the restart began; " +
    $"first to last in {streaming:F1} s = {backlog / Math.Max(streaming, 0.001):F0} events/s");
