using System.Text.Json.Nodes;

namespace Samverkan.Http;

/// <summary>JSON Merge Patch (RFC 7396, <c>application/merge-patch+json</c>).</summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>
    /// <paramref name="target"/> with <paramref name="patch"/> applied: a member set to null is
    /// removed, an object is merged member by member, anything else (arrays included) replaces.
    /// Neither argument is changed.
    /// </summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject original ? (JsonObject)original.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }
        return result;
    }
}
