using Xunit;

namespace Samverkan.TestSupport;

/// <summary>Waits for what a real process does in the background, failing with what was awaited.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Probes until it returns a value, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : struct
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        await GetAsync(async () => await probe() ? "yes" : null, what, timeout);

    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(probe()), what, timeout);
}
