using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Samverkan.Subscriptions.Feed;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Webhook delivery as traces and metrics (docs/observability.md). Each POST to a partner is a
/// span in the trace of the write that caused the event (its parent is the CloudEvent's
/// <c>traceparent</c>), so a partner quoting the trace id of a delivery leads support to the
/// write, and the outgoing request carries that trace on to the partner. Tags name the
/// subscription, the event and the answer: never the URL (it may hold a partner's token), a
/// secret, or anything from the event's data (contacts are personal data).
/// </summary>
public sealed class WebhookTelemetry
{
    public const string Name = "Samverkan.Subscriptions";
    public static readonly ActivitySource Activities = new(Name);
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _attempt;
    private readonly ConcurrentDictionary<string, DateTimeOffset?> _oldestUndelivered = new(StringComparer.Ordinal);

    public WebhookTelemetry(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(Name);
        _delivered = meter.CreateCounter<long>("samverkan.webhooks.delivered", description: "Events a partner's endpoint took (2xx), per subscription");
        _failed = meter.CreateCounter<long>("samverkan.webhooks.failed", description: "Delivery attempts that failed (not 2xx, or no answer), per subscription");
        _latency = meter.CreateHistogram<double>("samverkan.webhooks.delivery_latency", "s", "From the write to the partner taking the event, retries included");
        _attempt = meter.CreateHistogram<double>("samverkan.webhooks.attempt_duration", "s", "How long one POST to the partner took");
        meter.CreateObservableGauge("samverkan.webhooks.lag", () => _oldestUndelivered.Select(entry => new Measurement<double>(
            entry.Value is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0, Subscription(entry.Key))),
            "s", "Age of the oldest event a subscription has not yet taken (0 when it is up to date)");
    }

    /// <summary>A span for one POST of <paramref name="head"/>, child of the write's trace when the event carries one.</summary>
    public static Activity? StartDelivery(string subscriptionId, FeedEntry head)
    {
        ActivityContext.TryParse(head.TraceParent, null, isRemote: true, out var parent);
        var activity = Activities.StartActivity($"webhook {head.Type}", ActivityKind.Client, parent);
        activity?.SetTag("samverkan.subscription.id", subscriptionId);
        activity?.SetTag("messaging.message.id", head.EventId);
        activity?.SetTag("cloudevents.event_type", head.Type);
        activity?.SetTag("samverkan.feed.position", head.Position);
        return activity;
    }

    public static void Finish(Activity? activity, AttemptResult result)
    {
        if (activity is null)
        {
            return;
        }
        if (result.StatusCode is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }
        activity.SetStatus(result.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, result.Succeeded ? null : result.Describe());
    }

    public void Delivered(string subscriptionId, FeedEntry head, AttemptResult result)
    {
        var tag = Subscription(subscriptionId);
        _delivered.Add(1, tag);
        _attempt.Record(result.LatencyMs / 1000.0, tag);
        _latency.Record(Math.Max(0, (result.At - head.Time).TotalSeconds + result.LatencyMs / 1000.0), tag);
    }

    public void Failed(string subscriptionId, AttemptResult result)
    {
        var tag = Subscription(subscriptionId);
        _failed.Add(1, tag, new KeyValuePair<string, object?>("error.type", result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no_answer"));
        _attempt.Record(result.LatencyMs / 1000.0, tag);
    }

    /// <summary>What the subscription waits to deliver: the time of its head event, or null when it is up to date.</summary>
    public void Waiting(string subscriptionId, DateTimeOffset? oldestUndelivered) => _oldestUndelivered[subscriptionId] = oldestUndelivered;

    /// <summary>A disabled or deleted subscription reports no lag.</summary>
    public void Stopped(string subscriptionId) => _oldestUndelivered.TryRemove(subscriptionId, out _);

    private static KeyValuePair<string, object?> Subscription(string id) => new("subscription_id", id);
}
