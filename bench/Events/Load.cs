using System.Collections.Concurrent;
using System.Diagnostics;

namespace Samverkan.Bench.Events;

/// <summary>Institution creates; each write is keyed by the new institution's id with the time it was acknowledged.</summary>
public static class Load
{
    public static async Task<IReadOnlyDictionary<string, long>> SteadyAsync(HttpClient gateway, int perSecond, TimeSpan duration)
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var started = Stopwatch.StartNew();
        var pending = new List<Task>();
        for (var n = 0; started.Elapsed < duration; n++)
        {
            var due = interval * n;
            if (due > started.Elapsed)
            {
                await Task.Delay(due - started.Elapsed);
            }
            pending.Add(CreateAsync(gateway, acknowledged));
        }
        await Task.WhenAll(pending);
        return acknowledged;
    }

    /// <summary>Writes straight to the Institutions service, eight at a time.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> BurstAsync(HttpClient gateway, Uri institutions, int count)
    {
        using var client = new HttpClient { BaseAddress = institutions };
        client.DefaultRequestHeaders.Authorization = gateway.DefaultRequestHeaders.Authorization;
        var acknowledged = new ConcurrentDictionary<string, long>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) => await CreateAsync(client, acknowledged));
        return acknowledged;
    }

    private static async Task CreateAsync(HttpClient client, ConcurrentDictionary<string, long> acknowledged)
    {
        using var response = await client.PostAsJsonAsync("/api/institutions", new { name = $"Benchhögskolan {Guid.NewGuid():N}", kind = "university" });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Created>();
        acknowledged[created!.Id] = Stopwatch.GetTimestamp();
    }

    private sealed record Created(string Id);
}
