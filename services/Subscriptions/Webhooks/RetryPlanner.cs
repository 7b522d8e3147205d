namespace Samverkan.Subscriptions.Webhooks;

/// <summary>What to do after a failed attempt: try again at a time, or disable the subscription, saying why.</summary>
public sealed record RetryDecision(DateTimeOffset? NextAttemptAt, string? DisableReason);

/// <summary>
/// The retry rules. Deliveries are in order, so the failing head event blocks the later ones
/// and is never skipped: when it cannot be delivered the subscription is disabled instead, and
/// re-enabling it (or a replay) resumes with that event.
/// </summary>
public static class RetryPlanner
{
    /// <summary>After the <paramref name="attempts"/>-th failed attempt on <paramref name="head"/> (failing since <paramref name="failingSince"/>).</summary>
    public static RetryDecision Plan(WebhookOptions options, int attempts, DateTimeOffset failingSince, AttemptResult result, FeedEvent head)
    {
        var now = result.At;
        if (result.StatusCode == StatusCodes.Status410Gone)
        {
            return Disable($"The endpoint answered 410 Gone to event {head.EventId} (position {head.Position}) at {now:O}.");
        }
        var schedule = options.Schedule;
        if (attempts >= schedule.Count)
        {
            return Disable($"Event {head.EventId} (position {head.Position}) failed on all {attempts} attempts of the retry schedule; the last got {result.Describe()} at {now:O}.");
        }
        var deadline = failingSince + options.DisableAfter;
        if (now >= deadline)
        {
            return Disable($"Event {head.EventId} (position {head.Position}) has been failing since {failingSince:O}, longer than {options.DisableAfter}; the last attempt got {result.Describe()} at {now:O}.");
        }
        var delay = schedule[attempts];
        if (result.RetryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }
        var next = now + delay;
        return new RetryDecision(next < deadline ? next : deadline, null);
    }

    private static RetryDecision Disable(string reason) => new(null, reason);
}

/// <summary>The few facts about the head event a decision names.</summary>
public sealed record FeedEvent(string EventId, string Type, long? Position);
