using System.ComponentModel.DataAnnotations;

namespace Samverkan.Events.Relay;

/// <summary>Tuning of the outbox relay (configuration section <c>Events:Relay</c>).</summary>
public sealed class RelayOptions
{
    public const string Section = "Events:Relay";

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Events:Relay:PollInterval must be between {1} and {2}.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Events:Relay:FirstRetryDelay must be between {1} and {2}.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap of the exponential backoff: a destination that is down is tried at least this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Events:Relay:MaxRetryDelay must be between {1} and {2}.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000, ErrorMessage = "Events:Relay:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>When the oldest undelivered event is older than this, health reports Degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "Events:Relay:LagWarning must be between {1} and {2}.")]
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromSeconds(30);
}
