namespace Samverkan.Events;

/// <summary>
/// An in-process wake-up: waiters return at the next pulse or when their timeout ends, so a
/// missed pulse (or a change made by another instance) costs at most one polling interval.
/// </summary>
public class Signal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Pulse() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>
    /// The task the next pulse completes. Take it before looking for work and wait on it after
    /// finding none, so a pulse landing in between is not missed.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;
}

public static class SignalWaiting
{
    /// <summary>Waits for any of the tasks (taken from <see cref="Signal.Next"/>) or the timeout; never throws on the timeout.</summary>
    public static async Task WaitAnyAsync(TimeSpan timeout, CancellationToken ct, params Task[] pulses)
    {
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, delay.Token);
        await Task.WhenAny([timer, .. pulses]);
        await delay.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
