using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Samverkan.Events.Subscribing;

/// <summary>
/// The CloudEvent a topic route received. Dapr's CloudEvents middleware hands the route the
/// event's <c>data</c> as the body and, with <c>UseEventSubscriptions</c> (Samverkan.Events.Dapr),
/// the envelope's attributes as <c>Cloudevent.*</c> headers; this puts the two back together.
/// </summary>
public static class IncomingEvent
{
    public static CloudEvent From(HttpRequest request, JsonElement data)
    {
        string Header(string name) => Unescape(request.Headers[$"Cloudevent.{name}"].ToString());
        var id = Header("id");
        if (id.Length == 0)
        {
            throw new BadHttpRequestException("The request is not a CloudEvent (no id).");
        }
        return new CloudEvent(
            SpecVersion: Header("specversion"),
            Id: id,
            Source: Header("source"),
            Type: Header("type"),
            Subject: Header("subject"),
            Time: DateTimeOffset.Parse(Header("time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DataContentType: "application/json",
            Data: data,
            PartitionKey: Header("partitionkey"),
            // The delivery request carries the trace of the write that caused the event.
            TraceParent: request.Headers.TryGetValue("traceparent", out var trace) ? trace.ToString() : null,
            Sequence: Header("sequence") is { Length: > 0 } sequence ? sequence : null);
    }

    // The middleware forwards each attribute's JSON text with only its quotes trimmed, so escapes
    // arrive as the sender wrote them (System.Text.Json writes the '+' of a time as \u002B).
    private static string Unescape(string raw) =>
        raw.Contains('\\') ? JsonSerializer.Deserialize<string>($"\"{raw}\"") ?? raw : raw;
}
