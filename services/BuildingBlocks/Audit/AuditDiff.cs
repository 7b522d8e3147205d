using System.Text.Json.Nodes;

namespace Samverkan.Audit;

public static class AuditDiff
{
    /// <summary>
    /// The fields that differ between two versions of a resource, one level into nested objects
    /// ("person.email"), so a change stays visible after its values are masked. The version
    /// number is left out: it changes every time.
    /// </summary>
    public static IReadOnlyList<string> ChangedFields(JsonNode? before, JsonNode? after)
    {
        var changed = new List<string>();
        Compare(before as JsonObject, after as JsonObject, "", nested: true, changed);
        return changed;
    }

    private static void Compare(JsonObject? before, JsonObject? after, string prefix, bool nested, List<string> changed)
    {
        var keys = (before?.Select(p => p.Key) ?? []).Union(after?.Select(p => p.Key) ?? []).Where(key => key != "version");
        foreach (var key in keys)
        {
            var (old, @new) = (before?[key], after?[key]);
            if (JsonNode.DeepEquals(old, @new))
            {
                continue;
            }
            if (nested && (old is JsonObject || @new is JsonObject) && old is not JsonArray && @new is not JsonArray)
            {
                Compare(old as JsonObject, @new as JsonObject, $"{prefix}{key}.", nested: false, changed);
            }
            else
            {
                changed.Add(prefix + key);
            }
        }
    }
}
