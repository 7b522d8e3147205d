using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Samverkan.Bench.Events;

/// <summary>Follows the change feed's Server-Sent Events stream through the gateway, reconnecting after the last position seen.</summary>
public sealed class FeedReader : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private string? _lastId;

    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public static async Task<FeedReader> StartAsync(HttpClient gateway)
    {
        var reader = new FeedReader();
        // Start at the end of the feed: the seed's events are not part of the measurement.
        using var end = await gateway.GetAsync("/api/changes?limit=1000&types=samverkan.ping.v1");
        reader._lastId = JsonDocument.Parse(await end.Content.ReadAsStringAsync()).RootElement.GetProperty("next").GetString();
        reader._reading = reader.ReadAsync(gateway.BaseAddress!);
        return reader;
    }

    public async Task WaitForAsync(IEnumerable<string> subjects, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var subject in subjects)
        {
            while (!Arrivals.ContainsKey(subject))
            {
                if (deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"{subject} did not reach the feed in {timeout}.");
                }
                await Task.Delay(20);
            }
        }
    }

    private async Task ReadAsync(Uri gateway)
    {
        using var client = new HttpClient { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream?types=samverkan.institution.created.v1");
                if (_lastId is not null)
                {
                    request.Headers.Add("Last-Event-ID", _lastId);
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                while (await lines.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (line.StartsWith("id:", StringComparison.Ordinal))
                    {
                        _lastId = line[3..].Trim();
                    }
                    else if (line.StartsWith("data:", StringComparison.Ordinal))
                    {
                        var subject = JsonDocument.Parse(line[5..]).RootElement.GetProperty("subject").GetString()!;
                        Arrivals.TryAdd(subject, Stopwatch.GetTimestamp());
                    }
                }
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The Subscriptions service restarts during the throughput run: reconnect.
                await Task.Delay(200);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
