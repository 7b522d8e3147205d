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

    /// <summary>
    /// Outbox records read per pass, and the most events in one request (each also under 4 MiB).
    /// A request and its commits cost about as much for one event as for hundreds, so a backlog
    /// goes in large bulks; live traffic sends what is there, rarely more than a few.
    /// </summary>
    /// <summary>
    /// How often a destination nobody listens at (connection refused) is tried, instead of the
    /// backoff: the attempt costs neither side anything, and a subscriber that was down for long
    /// should get its backlog when it is back, not when a 30 s backoff has run out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Events:Relay:UnreachableRetryDelay must be between {1} and {2}.")]
    public TimeSpan UnreachableRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000, ErrorMessage = "Events:Relay:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>When the oldest undelivered event is older than this, health reports Degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00", ErrorMessage = "Events:Relay:LagWarning must be between {1} and {2}.")]
    public TimeSpan LagWarning { get; set; } = TimeSpan.FromSeconds(30);
}
