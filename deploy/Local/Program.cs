using System.Runtime.InteropServices;
using Samverkan.Local;

// Starts every service, the gateway and the web app on 127.0.0.1 and keeps them running until Ctrl-C or SIGTERM.
//   dotnet run --project deploy/Local [-- --port 8080] [--data DIR] [--replicas forums=2,subscriptions=2]    (or SAMVERKAN_PORT=8080)
// and prints development tokens for it:
//   dotnet run --project deploy/Local -- token registry-admin    (see TokenCommand)
if (args is ["token", .. var tokenArgs])
{
    return TokenCommand.Run(tokenArgs);
}
var options = new PlatformOptions();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var port):
            options = options with { GatewayPort = port };
            i++;
            break;
        case "--data" when i + 1 < args.Length:
            options = options with { DataDirectory = Path.GetFullPath(args[++i]) };
            break;
        case "--replicas" when i + 1 < args.Length && ReplicaCounts(args[i + 1]) is { } replicas:
            options = options with { Replicas = replicas };
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: [--port N] [--data DIR] [--replicas SERVICE=N,...]");
            return 2;
    }
}
if (!args.Contains("--port") && int.TryParse(Environment.GetEnvironmentVariable("SAMVERKAN_PORT"), out var portFromEnvironment))
{
    options = options with { GatewayPort = portFromEnvironment };
}

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    // Keep the runtime from terminating at once: the children are stopped below, then Main returns.
    context.Cancel = true;
    stopping.Cancel();
}
// SIGINT is Ctrl-C (what Console.CancelKeyPress reports); AppDomain.ProcessExit, registered by
// RunningPlatform, covers every other orderly exit.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

RunningPlatform platform;
try
{
    platform = await RunningPlatform.StartAsync(options, stopping.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    return 130;
}
catch (PlatformStartException e)
{
    // Every line the process wrote is above; end with what failed and why, not with its stack trace.
    Console.Error.WriteLine();
    Console.Error.WriteLine(e.Summary);
    return 1;
}
catch (Exception e) when (e is FileNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

await using (platform)
{
    Console.WriteLine();
    Console.WriteLine($"Samverkan is running. Data in {platform.DataDirectory}");
    Console.WriteLine($"  {"gateway",-14} {platform.GatewayUrl}");
    foreach (var replica in Topology.Services.SelectMany(service => platform.ReplicasOf(service.Name)))
    {
        Console.WriteLine($"  {replica,-14} REST {platform.RestUrl(replica)}  gRPC {platform.GrpcUrl(replica)}");
    }
    if (platform.Processes.Contains(Topology.Web.Name))
    {
        Console.WriteLine($"  {"web",-14} {platform.GatewayUrl} (through the gateway; itself on {platform.RestUrl(Topology.Web.Name)})");
    }
    Console.WriteLine("Press Ctrl-C to stop.");
    try
    {
        await Task.Delay(Timeout.Infinite, stopping.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping...");
    }
}
Console.WriteLine("Stopped.");
return 0;

// "forums=2,subscriptions=2": how many replicas of each named service; null when malformed.
static Dictionary<string, int>? ReplicaCounts(string text)
{
    var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
    {
        if (pair.Split('=') is not [var service, var count] || !int.TryParse(count, out var replicas) || replicas < 1
            || !Topology.Services.Any(s => s.Name.Equals(service, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        counts[service] = replicas;
    }
    return counts;
}
