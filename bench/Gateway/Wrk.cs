using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.Bench.Gateway;

/// <summary>One wrk run: requests per second and latency percentiles, as wrk --latency prints them.</summary>
public sealed partial record WrkResult(double RequestsPerSecond, double P50, double P90, double P99, long Errors)
{
    /// <summary>Installs Debian's wrk when it is missing (as root, as on the build machines), so the benchmark is one command.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (File.Exists("/usr/bin/wrk"))
        {
            return;
        }
        Console.WriteLine("Installing wrk (apt-get install wrk) ...");
        var start = new ProcessStartInfo("apt-get", ["install", "-y", "-q", "wrk"]) { RedirectStandardOutput = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        await apt.StandardOutput.ReadToEndAsync();
        await apt.WaitForExitAsync();
        if (apt.ExitCode != 0)
        {
            throw new InvalidOperationException("wrk is not installed and apt-get could not install it: install Debian's wrk package.");
        }
    }

    /// <summary>Runs Debian's wrk against <paramref name="url"/> with <paramref name="connections"/> connections.</summary>
    public static async Task<WrkResult> RunAsync(Uri url, string token, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk",
            ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-H", $"Authorization: Bearer {token}", url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk could not be started (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {await wrk.StandardError.ReadToEndAsync()}");
        }
        return Parse(output);
    }

    public static WrkResult Parse(string output)
    {
        var rate = double.Parse(RateLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rate, Percentile(output, "50"), Percentile(output, "90"), Percentile(output, "99"), errors);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
