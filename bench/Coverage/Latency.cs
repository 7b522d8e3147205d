using System.Diagnostics;
using System.Globalization;

namespace Samverkan.Bench.Coverage;

/// <summary>Latencies of one endpoint over sequential requests, after a warm-up.</summary>
public sealed record Latency(string Endpoint, int Requests, double P50, double P95, double P99, double Max, long ResponseBytes)
{
    /// <summary>The Coverage service's peak working set while this row was measured, where the row measured it.</summary>
    public double? CoveragePeakMiB { get; init; }

    public static async Task<Latency> MeasureAsync(HttpClient client, string label, IReadOnlyList<string> paths, int requests, int warmUp = 3)
    {
        // Every path once at least, so the figures are of answering, not of a first computation (write-to-visible measures that).
        for (var i = 0; i < Math.Max(warmUp, paths.Count); i++)
        {
            await GetAsync(client, paths[i % paths.Count]);
        }
        var timings = new List<double>(requests);
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            bytes = await GetAsync(client, paths[i % paths.Count]);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        return From(label, timings, bytes);
    }

    /// <summary>The percentiles of timings already sorted.</summary>
    public static Latency From(string label, List<double> sorted, long bytes) =>
        new(label, sorted.Count, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1], bytes);

    private static async Task<long> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }
        return body.Length;
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Endpoint,-52} | {Requests,5} | {P50,8:F1} | {P95,8:F1} | {P99,8:F1} | {Max,8:F1} | {ResponseBytes / 1024.0,9:F0} | {(CoveragePeakMiB is { } peak ? peak.ToString("F0", CultureInfo.InvariantCulture) : ""),10} |");

    public const string Header = """
        | endpoint                                             |     n | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | body (KiB) | peak (MiB) |
        |------------------------------------------------------|------:|---------:|---------:|---------:|---------:|-----------:|-----------:|
        """;
}
