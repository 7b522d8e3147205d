using Microsoft.Extensions.Time.Testing;

namespace Samverkan.TestSupport.InProcess;

/// <summary>
/// The clock of a service hosted in the test process: a <see cref="FakeTimeProvider"/> that keeps
/// pace with real time, so the service's polling and back-off run as usual, and that a test moves
/// ahead with <see cref="Advance"/>. Advancing fires every timer due in between at once, so a
/// rule measured in hours or days (a retry schedule, a subscription disabled after days of
/// failures, a contact gone stale) is tested without waiting for it.
/// </summary>
public sealed class TestClock : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private readonly CancellationTokenSource stop = new();
    private readonly Task follower;

    public TestClock()
    {
        Provider = new FakeTimeProvider(DateTimeOffset.UtcNow);
        follower = FollowRealTimeAsync();
    }

    /// <summary>The provider registered as the service's <see cref="TimeProvider"/>.</summary>
    public FakeTimeProvider Provider { get; }

    /// <summary>Today's date in Sweden on this clock (the date users enter), worked out here rather than with the service's helper.</summary>
    public DateOnly SwedishToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Provider.GetUtcNow(), Stockholm).DateTime);

    /// <summary>Moves the clock ahead by <paramref name="by"/> on top of real time.</summary>
    public void Advance(TimeSpan by) => Provider.Advance(by);

    private async Task FollowRealTimeAsync()
    {
        var real = TimeProvider.System.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = TimeProvider.System.GetTimestamp();
            Provider.Advance(TimeProvider.System.GetElapsedTime(real, now));
            real = now;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await follower;
        stop.Dispose();
    }
}
