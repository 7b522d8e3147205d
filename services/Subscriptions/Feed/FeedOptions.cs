using System.ComponentModel.DataAnnotations;

namespace Samverkan.Subscriptions.Feed;

/// <summary>Tuning of the change feed's readers (configuration section <c>Feed</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>How often a waiting stream looks for new events when no in-process signal came (appends by another instance).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Feed:PollInterval must be between {1} and {2}.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an idle stream sends a comment, so proxies and clients see the connection is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Feed:KeepAliveInterval must be between {1} and {2}.")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
