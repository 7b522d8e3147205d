using System.Text;
using System.Text.Json;
using MongoDB.Bson;

namespace Samverkan.Storage.MongoDB;

/// <summary>
/// The stored shape of a document, <c>{ _id, version, doc, tags }</c>, and the exact conversion of
/// its JSON to and from BSON.
/// </summary>
/// <remarks>
/// Not <c>BsonDocument.Parse</c> and relaxed extended JSON: those read <c>$</c>-keyed objects as
/// extended JSON, fail on integers beyond 64 bits, and write doubles with 17 digits, so a stored
/// <c>19.99m</c> came back as <c>19.989999999999998</c>. Here integers that fit become Int32 or
/// Int64, every other number keeps its literal digits as Decimal128 (34 significant digits), and
/// JSON is written back with System.Text.Json.
/// </remarks>
internal static class MongoDocuments
{
    public const string Version = "version";
    public const string Doc = "doc";
    public const string Tags = "tags";

    public static BsonDocument ToBson(string id, long version, string json, IEnumerable<string> tags)
    {
        using var parsed = JsonDocument.Parse(json);
        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Document {id} is not a JSON object; the MongoDB adapter stores objects only.", nameof(json));
        }
        return new BsonDocument
        {
            { "_id", id },
            { Version, version },
            { Doc, ToBson(parsed.RootElement) },
            { Tags, new BsonArray(tags.Distinct(StringComparer.Ordinal)) },
        };
    }

    public static StoredDocument ToStored(BsonDocument stored)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, stored[Doc]);
        }
        return new StoredDocument(stored["_id"].AsString, stored[Version].ToInt64(), Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static BsonValue ToBson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().Select(p => new BsonElement(p.Name, ToBson(p.Value)))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(ToBson)),
        JsonValueKind.String => new BsonString(element.GetString()),
        JsonValueKind.Number => ToBsonNumber(element),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    private static BsonValue ToBsonNumber(JsonElement number)
    {
        if (number.TryGetInt32(out var int32))
        {
            return new BsonInt32(int32);
        }
        if (number.TryGetInt64(out var int64))
        {
            return new BsonInt64(int64);
        }
        // Beyond 34 significant digits or Decimal128's exponent range only a double can hold it.
        return Decimal128.TryParse(number.GetRawText(), out var exact) ? new BsonDecimal128(exact) : new BsonDouble(number.GetDouble());
    }

    private static void WriteJson(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value.BsonType)
        {
            case BsonType.Document:
                writer.WriteStartObject();
                foreach (var element in value.AsBsonDocument)
                {
                    writer.WritePropertyName(element.Name);
                    WriteJson(writer, element.Value);
                }
                writer.WriteEndObject();
                break;
            case BsonType.Array:
                writer.WriteStartArray();
                foreach (var item in value.AsBsonArray)
                {
                    WriteJson(writer, item);
                }
                writer.WriteEndArray();
                break;
            case BsonType.String: writer.WriteStringValue(value.AsString); break;
            case BsonType.Int32: writer.WriteNumberValue(value.AsInt32); break;
            case BsonType.Int64: writer.WriteNumberValue(value.AsInt64); break;
            case BsonType.Double: writer.WriteNumberValue(value.AsDouble); break;
            // Decimal128 prints the digits it was parsed from, always as a valid JSON number.
            case BsonType.Decimal128: writer.WriteRawValue(value.AsDecimal128.ToString()); break;
            case BsonType.Boolean: writer.WriteBooleanValue(value.AsBoolean); break;
            case BsonType.Null: writer.WriteNullValue(); break;
            default: throw new InvalidDataException($"BSON {value.BsonType} is not written by this adapter and has no JSON form here.");
        }
    }
}
