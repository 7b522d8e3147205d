using System.Text.Json.Nodes;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// Drops the schemas no path refers to any more, directly or through other schemas, once the
/// gateway has left out the paths it does not forward (a service's own <c>/api/audit</c>): a
/// partner's generated client should not carry types it can never receive.
/// </summary>
internal static class UnreferencedSchemas
{
    private const string Prefix = "#/components/schemas/";

    public static void Remove(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }
        var used = new HashSet<string>();
        var pending = new Stack<string>();
        foreach (var (key, value) in document)
        {
            if (key != "components")
            {
                Collect(value, pending);
            }
        }
        // Responses, parameters and the like may live in components too; only schemas are pruned.
        foreach (var (key, value) in document["components"]!.AsObject())
        {
            if (key != "schemas")
            {
                Collect(value, pending);
            }
        }
        while (pending.TryPop(out var name))
        {
            if (used.Add(name))
            {
                Collect(schemas[name], pending);
            }
        }
        foreach (var name in schemas.Select(schema => schema.Key).Where(name => !used.Contains(name)).ToList())
        {
            schemas.Remove(name);
        }
    }

    private static void Collect(JsonNode? node, Stack<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith(Prefix, StringComparison.Ordinal))
                    {
                        found.Push(target[Prefix.Length..]);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }
                break;
        }
    }
}
