using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.Events;

/// <summary>
/// A CloudEvents 1.0 event in its JSON form, with this platform's extensions: <c>sequence</c>
/// (per producer, gap-free, a zero-padded decimal string: <see cref="CloudEventSequence"/>), <c>partitionkey</c> (the entity id) and
/// <c>traceparent</c> (W3C trace context of the write that caused it).
/// </summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] JsonElement Data,
    [property: JsonPropertyName("partitionkey")] string PartitionKey,
    [property: JsonPropertyName("traceparent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceParent,
    [property: JsonPropertyName("sequence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sequence)
{
    public const string MediaType = "application/cloudevents+json";

    /// <summary>Many events in one request: Dapr's bulk delivery to an app (<c>Transports/BulkMessage</c>).</summary>
    public const string BatchMediaType = "application/cloudevents-batch+json";

    /// <summary>Å, ä, ö and '+' as themselves: attribute text reaches subscribers' headers unescaped.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CloudEvent Parse(string json) =>
        JsonSerializer.Deserialize<CloudEvent>(json, JsonOptions) ?? throw new JsonException("A CloudEvent cannot be null.");
}
