using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Bench.Coverage;

/// <summary>
/// How long a write to a forum takes to show in a coverage answer: a meeting recorded today on a
/// forum that is dormant today (POST to the Forums service), then the region's summary polled
/// until one more forum is active. The write travels as an event through Forums' outbox and relay.
/// </summary>
public static class WriteToVisible
{
    private sealed record ForumRow(string Id, bool Active);

    private sealed record ForumPage(List<ForumRow> Items, string? NextCursor);

    private sealed record Summary(int ActiveForums);

    /// <returns>Write to visible, and the write alone (the POST answered), which is its floor.</returns>
    public static async Task<(Latency Visible, Latency Write)> MeasureAsync(HttpClient forums, HttpClient coverage, string token, IReadOnlyList<string> regions, int writes, DateOnly today)
    {
        forums.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var dormant = new List<(string Region, string Forum)>();
        foreach (var region in regions)
        {
            var page = await coverage.GetFromJsonAsync<ForumPage>($"/api/coverage/regions/{region}/forums?limit=1000", JsonSerializerOptions.Web);
            dormant.AddRange(page!.Items.Where(f => !f.Active).Take(writes / regions.Count + 1).Select(f => (region, f.Id)));
        }
        var timings = new List<double>(writes);
        var posts = new List<double>(writes);
        foreach (var (region, forum) in dormant.Take(writes))
        {
            var before = (await coverage.GetFromJsonAsync<Summary>($"/api/coverage/regions/{region}", JsonSerializerOptions.Web))!.ActiveForums;
            var started = Stopwatch.GetTimestamp();
            using (var response = await forums.PostAsJsonAsync($"/api/forums/{forum}/meetings", new { on = today }))
            {
                response.EnsureSuccessStatusCode();
            }
            posts.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            while ((await coverage.GetFromJsonAsync<Summary>($"/api/coverage/regions/{region}", JsonSerializerOptions.Web))!.ActiveForums == before)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"The meeting of {forum} did not show in {region}'s coverage within 30 s.");
                }
            }
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        posts.Sort();
        return (Latency.From("write to forum -> visible in coverage", timings, 0), Latency.From("write to forum (POST answered, the floor)", posts, 0));
    }
}
