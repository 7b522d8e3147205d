using System.Text.Json;

namespace Samverkan.Events.Transports;

/// <summary>
/// Dapr's bulk delivery to an app, as the sidecar sends it when a route asks for bulk subscribe:
/// a <c>application/cloudevents-batch+json</c> body whose <c>entries</c> each hold one CloudEvent
/// under an <c>entryId</c>, answered with <c>{"statuses":[{"entryId","status"}]}</c>.
/// </summary>
internal static class BulkMessage
{
    /// <summary>The body; entry ids are the events' positions in it, as Dapr's own clients number them.</summary>
    public static byte[] Write(string topic, string pubSubName, IReadOnlyList<OutgoingDelivery> events)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", Guid.NewGuid().ToString());
            json.WriteString("type", "com.dapr.event.sent.bulk");
            json.WriteString("topic", topic);
            json.WriteString("pubsubname", pubSubName);
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteStartArray("entries");
            for (var i = 0; i < events.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("entryId", EntryId(i));
                json.WritePropertyName("event");
                json.WriteRawValue(events[i].Json, skipInputValidation: true);
                json.WriteString("contentType", CloudEvent.MediaType);
                json.WriteStartObject("metadata");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>One result per event, in order: its entry's status, RETRY when the answer left it out.</summary>
    public static DeliveryResult[] Results(int count, IReadOnlyList<EntryStatus> statuses)
    {
        var byEntry = statuses.Where(s => s.EntryId is not null).GroupBy(s => s.EntryId!).ToDictionary(g => g.Key, g => g.First().Status);
        return [.. Enumerable.Range(0, count).Select(i => byEntry.TryGetValue(EntryId(i), out var status)
            ? FromStatus(status ?? "RETRY")
            : DeliveryResult.Retry("the app's answer left the entry out"))];
    }

    /// <summary>Dapr's statuses: SUCCESS (or none) is taken, DROP refused for good, anything else retried.</summary>
    public static DeliveryResult FromStatus(string? status) => status?.ToUpperInvariant() switch
    {
        null or "" or "SUCCESS" => DeliveryResult.Delivered,
        "DROP" => DeliveryResult.Refused("the app answered DROP"),
        "RETRY" => DeliveryResult.Retry("the app answered RETRY"),
        var other => DeliveryResult.Retry($"the app answered {other}"),
    };

    private static string EntryId(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public sealed record EntryStatus(string? EntryId, string? Status);
}
