using System.Diagnostics;
using System.Net.Http.Json;

namespace Samverkan.Bench.Gateway;

/// <summary>Write throughput: writers that each create an institution and then update it (If-Match), back to back.</summary>
public static class Writers
{
    public sealed record Result(string Kind, int Count, double PerSecond, double P50, double P99);

    public static async Task<IReadOnlyList<Result>> RunAsync(HttpClient gateway, int writers, TimeSpan duration)
    {
        var creates = new List<double>();
        var updates = new List<double>();
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var created = await gateway.PostAsJsonAsync("/api/institutions", new { name = $"Skrivhögskolan {Guid.NewGuid():N}", kind = "university" });
                created.EnsureSuccessStatusCode();
                Record(creates, started);
                var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
                started = Stopwatch.GetTimestamp();
                using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/institutions/{id}")
                {
                    Content = new StringContent("""{"website":"https://skriv.example.se"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
                };
                patch.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag?.ToString());
                using var updated = await gateway.SendAsync(patch);
                updated.EnsureSuccessStatusCode();
                Record(updates, started);
            }
        }));
        var seconds = stop.Elapsed.TotalSeconds;
        return [Summarise("create", creates, seconds), Summarise("update (merge patch)", updates, seconds)];
    }

    private static void Record(List<double> timings, long started)
    {
        lock (timings)
        {
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private static Result Summarise(string kind, List<double> timings, double seconds)
    {
        timings.Sort();
        double At(int percent) => timings[Math.Clamp((int)Math.Ceiling(percent / 100.0 * timings.Count) - 1, 0, timings.Count - 1)];
        return new Result(kind, timings.Count, timings.Count / seconds, At(50), At(99));
    }

    private sealed record Created(string Id);
}
