namespace Samverkan.Events.Relay;

/// <summary>Tuning of the outbox relay (configuration section <c>Events:Relay</c>).</summary>
public sealed class RelayOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    /// <summary>The cap of the exponential backoff: a destination that is down is tried at least this often.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 100;
    /// <summary>When the oldest undelivered event is older than this, health reports Degraded.</summary>
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromSeconds(30);
}
