using System.Diagnostics;
using System.Globalization;

namespace Samverkan.Bench.Events;

/// <summary>When each created institution's event arrived, and the latency table.</summary>
public static class Arrivals
{
    public const string Header = "path                  events   p50 ms   p99 ms   max ms   missing";

    public static async Task SubscribeAsync(HttpClient gateway, Uri receiver)
    {
        using var response = await gateway.PostAsJsonAsync("/api/subscriptions",
            new { url = receiver.ToString(), types = new[] { "samverkan.institution.created.v1" }, description = "benchmark" });
        response.EnsureSuccessStatusCode();
    }

    public static string Row(string label, IReadOnlyDictionary<string, long> writes, IReadOnlyDictionary<string, long> arrivals)
    {
        var latencies = writes.Where(w => arrivals.ContainsKey(w.Key))
            .Select(w => Stopwatch.GetElapsedTime(w.Value, arrivals[w.Key]).TotalMilliseconds).Order().ToList();
        if (latencies.Count == 0)
        {
            return $"{label,-20}  none arrived";
        }
        double P(int percent) => latencies[Math.Clamp((int)Math.Ceiling(percent / 100.0 * latencies.Count) - 1, 0, latencies.Count - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label,-20}  {latencies.Count,6}  {P(50),7:F1}  {P(99),7:F1}  {latencies[^1],7:F1}  {writes.Count - latencies.Count,8}");
    }
}
