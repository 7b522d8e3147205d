using Microsoft.Extensions.Options;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>How webhooks are delivered (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The Standard Webhooks schedule: the delay before each attempt, the first being the first try.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetrySchedule { get; } =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// Targets on special-purpose addresses (loopback, private, link-local, ...: TargetPolicy.SpecialRanges),
    /// and plain http, are refused unless this is true: only for local runs and tests.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Replaces <see cref="DefaultRetrySchedule"/> when set (<c>Webhooks__RetrySchedule__0=00:00:00</c>, ...).</summary>
    public List<TimeSpan>? RetrySchedule { get; set; }

    /// <summary>A subscription whose head event has been failing this long is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long one attempt may take, connection and answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often workers look for work without a signal (events or changes from another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivery log entries older than this are removed.</summary>
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Count: > 0 } schedule ? schedule : DefaultRetrySchedule;

    /// <summary>The problems with these settings; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (Schedule.Any(delay => delay < TimeSpan.Zero))
        {
            yield return "Webhooks:RetrySchedule holds a negative delay.";
        }
        if (Timeout <= TimeSpan.Zero || DisableAfter <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
        {
            yield return "Webhooks:Timeout, DisableAfter and PollInterval must be positive.";
        }
    }
}

/// <summary>Stops the process at start with each of <see cref="WebhookOptions.Problems"/>.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
