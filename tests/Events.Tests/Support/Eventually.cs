namespace Samverkan.Events.Tests.Support;

/// <summary>Waits for something the relay does in the background.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        await TrueAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
            await Task.Delay(20);
        }
    }
}
