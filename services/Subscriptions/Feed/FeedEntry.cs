using System.Text.Json.Nodes;
using Samverkan.Audit.Privacy;
using Samverkan.Storage;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// One event of the change feed as every reader gets it: the producer's CloudEvent (with its
/// <c>sequence</c>) plus <c>position</c>, its place in the feed. The same JSON is the feed
/// page item, the Server-Sent Event's data and the webhook body.
/// </summary>
public sealed record FeedEntry(long Position, string EventId, string Type, DateTimeOffset Time, JsonObject Event)
{
    public string Json => Event.ToJsonString();

    /// <summary>The W3C trace context of the write that caused the event, when the producer had one.</summary>
    public string? TraceParent => Event["traceparent"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// The entry as a reader may have it: a contact event without its personal fields (the
    /// shared <see cref="PersonalData"/> rule) unless the reader may see personal data.
    /// </summary>
    public FeedEntry VisibleTo(bool maySeePersonalData)
    {
        if (maySeePersonalData || !PersonalData.Concerns(Type) || Event["data"] is not JsonObject)
        {
            return this;
        }
        var redacted = Event.DeepClone().AsObject();
        PersonalData.Remove(redacted["data"]!.AsObject());
        return this with { Event = redacted };
    }

    public static FeedEntry From(StoredDocument stored)
    {
        var position = SequenceId.Parse(stored.Id);
        var cloudEvent = JsonNode.Parse(stored.Json)!.AsObject();
        cloudEvent["position"] = position;
        return new FeedEntry(
            position,
            (string)cloudEvent["id"]!,
            (string)cloudEvent["type"]!,
            cloudEvent["time"]!.GetValue<DateTimeOffset>(),
            cloudEvent);
    }
}

/// <summary>
/// A read of the feed: the matching entries and how far it looked. <see cref="ScannedTo"/>
/// moves on even past events that did not match, so a filtered reader never scans them again.
/// </summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long ScannedTo);
