namespace Samverkan.Events.Outbox;

/// <summary>
/// Wakes the relay when this process commits events, so delivery starts at once instead of at
/// the next poll. The relay still polls, which covers events written by another instance.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling interval reached: the caller looks for new events either way.
        }
    }
}
