using System.Text.Json.Nodes;

namespace Samverkan.Web.Components.Shared;

/// <summary>
/// The values an edit form was read with, carried in one hidden field, so that on a save refused
/// because someone else changed the record (412) the page can say which fields they changed.
/// </summary>
public static class SeenValues
{
    public static string Encode(params string?[] values) => new JsonArray([.. values.Select(value => (JsonNode?)value)]).ToJsonString();

    /// <summary>The values in the order they were encoded; a missing or damaged field reads as all empty.</summary>
    public static IReadOnlyList<string?> Decode(string? seen, int count)
    {
        JsonArray? values = null;
        try
        {
            values = seen is null ? null : JsonNode.Parse(seen) as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            // The field comes from the browser: a tampered one is treated as "saw nothing".
        }
        return [.. Enumerable.Range(0, count).Select(i => values is not null && i < values.Count ? values[i]?.GetValue<string>() : null)];
    }
}
