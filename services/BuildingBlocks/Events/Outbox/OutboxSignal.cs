namespace Samverkan.Events.Outbox;

/// <summary>
/// Wakes the relay when this process commits events, so delivery starts at once instead of at
/// the next poll. The relay still polls, which covers events written by another instance.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// The wake-up after now. Take it before looking for events and wait on it after finding
    /// none, so a commit landing in between is not missed.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling interval reached: the caller looks for new events either way.
        }
    }
}
