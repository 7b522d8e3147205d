using System.Diagnostics;
using System.Diagnostics.Metrics;
using Samverkan.Events;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// The change feed as metrics and spans (docs/observability.md): events taken into the feed and
/// how long after their write, and Server-Sent Events sends. A send carries many events, each
/// from its own write, so its span links to each event's trace instead of having one parent.
/// Tags name types and positions only, never data (contacts are personal data).
/// </summary>
public sealed class FeedTelemetry
{
    private readonly Counter<long> _appended;
    private readonly Histogram<double> _ingestion;
    private readonly Counter<long> _streamed;

    public FeedTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(WebhookTelemetry.Name);
        _appended = meter.CreateCounter<long>("samverkan.feed.appended", description: "Events taken into the change feed, per type");
        _ingestion = meter.CreateHistogram<double>("samverkan.feed.ingestion_latency", "s", "From the write to the event's append to the feed");
        _streamed = meter.CreateCounter<long>("samverkan.feed.stream.sent", description: "Events sent to Server-Sent Events readers");
    }

    public void Appended(CloudEvent cloudEvent, DateTimeOffset now)
    {
        _appended.Add(1, new KeyValuePair<string, object?>("cloudevents.event_type", cloudEvent.Type));
        _ingestion.Record(Math.Max(0, (now - cloudEvent.Time).TotalSeconds));
    }

    /// <summary>
    /// A span for one Server-Sent Events write of <paramref name="entries"/>, linked to the trace of
    /// each event's write; a child of the stream's request. Dispose it when the write is flushed.
    /// </summary>
    public Activity? StartStreamSend(IReadOnlyList<FeedEntry> entries)
    {
        var links = entries
            .Select(entry => ActivityContext.TryParse(entry.TraceParent, null, isRemote: true, out var context) ? context : default)
            .Where(context => context != default)
            .Select(context => new ActivityLink(context))
            .ToList();
        _streamed.Add(entries.Count);
        var activity = WebhookTelemetry.Activities.StartActivity("sse send", ActivityKind.Producer, parentContext: default, links: links);
        activity?.SetTag("messaging.batch.message_count", entries.Count);
        if (entries.Count > 0)
        {
            activity?.SetTag("samverkan.feed.position", entries[^1].Position);
        }
        return activity;
    }
}
