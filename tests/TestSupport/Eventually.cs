using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// Waits for what runs in the background (a relay, a real process), failing with what was
/// awaited. Polls often at first, for in-process work, then less often, so a busy machine's
/// services are not flooded; the timeout is generous because a wait that succeeds ends early.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>Probes until it returns a value, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        for (var poll = FirstPoll; ; poll = Min(poll * 2, LongestPoll))
        {
            if (await probe() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(poll);
        }
    }

    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : struct =>
        (await GetAsync(async () => await probe() is { } found ? new Box<T>(found) : null, what, timeout)).Value;

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        await GetAsync(async () => await probe() ? "yes" : null, what, timeout);

    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(probe()), what, timeout);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record Box<T>(T Value);
}
