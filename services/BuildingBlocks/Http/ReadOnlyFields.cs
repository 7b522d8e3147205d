using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Samverkan.Http;

/// <summary>
/// Lets a client send back what it read. A field of the resource that its input does not have
/// (<c>id</c>, <c>version</c>, <c>participants[].institutionName</c>) is read-only: sent with the
/// value the resource has, it is dropped; sent with another value, it is refused, naming the field.
/// Fields neither side knows are left for the strict reader to refuse.
/// </summary>
public static class ReadOnlyFields
{
    /// <summary>Removes from <paramref name="body"/> the read-only fields that match <paramref name="current"/>; adds an error per one that differs.</summary>
    public static void Strip(JsonObject body, JsonObject? current, JsonTypeInfo input, Validation validation, string path = "")
    {
        var fields = input.Properties.ToDictionary(property => property.Name, StringComparer.Ordinal);
        foreach (var (name, value) in body.ToList())
        {
            var field = path.Length == 0 ? name : $"{path}.{name}";
            if (fields.TryGetValue(name, out var property))
            {
                StripNested(value, current?[name], input.Options.GetTypeInfo(property.PropertyType), validation, field);
            }
            else if (current is not null && (current.ContainsKey(name) || value is null))
            {
                // An absent field and a null one say the same: the answer leaves nulls out.
                if (SameIgnoringNulls(value, current[name]))
                {
                    body.Remove(name);
                }
                else
                {
                    validation.Add(field, $"This field is read-only: leave it out, or send the value the resource has ({Shown(current[name])}).");
                }
            }
        }
    }

    private static void StripNested(JsonNode? value, JsonNode? current, JsonTypeInfo type, Validation validation, string field)
    {
        if (value is JsonObject nested && type.Kind == JsonTypeInfoKind.Object)
        {
            Strip(nested, current as JsonObject, type, validation, field);
        }
        else if (value is JsonArray items && type.Kind == JsonTypeInfoKind.Enumerable && type.ElementType is { } elementType
            && type.Options.GetTypeInfo(elementType) is { Kind: JsonTypeInfoKind.Object } element)
        {
            // Entries are compared with the resource's entry at the same place: a new entry has
            // none, so a read-only field in it is left for the strict reader to refuse.
            var known = current as JsonArray;
            for (var index = 0; index < items.Count; index++)
            {
                if (items[index] is JsonObject entry)
                {
                    Strip(entry, known is not null && index < known.Count ? known[index] as JsonObject : null, element, validation, $"{field}[{index}]");
                }
            }
        }
    }

    /// <summary>
    /// Equal once null members are left out at every depth: a client that omits nulls (Kiota
    /// does) sends <c>names[0]</c> without the <c>validTo: null</c> the answer shows.
    /// </summary>
    private static bool SameIgnoringNulls(JsonNode? sent, JsonNode? shown) => JsonNode.DeepEquals(WithoutNulls(sent), WithoutNulls(shown));

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject members => new JsonObject(members.Where(member => member.Value is not null)
            .Select(member => KeyValuePair.Create(member.Key, WithoutNulls(member.Value)))),
        JsonArray items => new JsonArray(items.Select(WithoutNulls).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Shown(JsonNode? value) => value?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
