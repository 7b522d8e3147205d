using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Samverkan.Platform.Tests.BadInput;

/// <summary>One invalid variant of a valid body: the JSON to send and the field the problem must name.</summary>
public sealed record Mutation(string Field, string What, string Json)
{
    public override string ToString() => $"{Field}: {What}";
}

/// <summary>
/// Every invalid variant of a valid JSON body, generated from its shape: for every field and list
/// entry a wrong type; for texts a huge one, NUL, another control character and a lone surrogate;
/// for dates the extremes 0001-01-01 and 9999-12-31; for numbers negative and huge ones; for lists
/// a null entry and a huge list; for objects an unknown field; and null where a field is required.
/// Each is invalid whatever the resource, so each must be a 400 naming the field.
/// </summary>
public static partial class JsonMutations
{
    /// <summary>Longer than any text bound, and far below the 1 MiB body limit.</summary>
    public const int HugeText = 20_000;

    /// <summary>More entries than any list bound (the largest is 2,000 meeting dates).</summary>
    public const int HugeList = 5_000;

    // JsonNode cannot hold a lone surrogate, so it travels as a marker replaced in the JSON text.
    private const string LoneSurrogateMarker = "LONE-SURROGATE-MARKER";

    public static IEnumerable<Mutation> Of(string validJson, IReadOnlySet<string> required)
    {
        var root = JsonNode.Parse(validJson)!.AsObject();
        return Walk(root, root, [], required);
    }

    private static IEnumerable<Mutation> Walk(JsonNode root, JsonNode node, IReadOnlyList<object> path, IReadOnlySet<string> required)
    {
        var field = Field(path);
        if (path.Count > 0)
        {
            if (path[^1] is int || required.Contains(field))
            {
                yield return Make(root, path, "null", _ => null);
            }
            yield return Make(root, path, "wrong type", current => current is JsonValue value && value.TryGetValue<string>(out _) ? 12345 : "x");
        }
        switch (node)
        {
            case JsonObject obj:
                var unknown = path.Append("unexpectedField").ToList();
                yield return new Mutation(Field(unknown), "unknown field", With(root, path, current => { current!.AsObject()["unexpectedField"] = 1; return current; }));
                foreach (var (name, child) in obj.ToList())
                {
                    foreach (var mutation in Walk(root, child!, [.. path, name], required))
                    {
                        yield return mutation;
                    }
                }
                break;
            case JsonArray array when array.Count > 0:
                yield return Make(root, path, $"{HugeList} entries", current => new JsonArray([.. Enumerable.Repeat(0, HugeList).Select(_ => current![0]!.DeepClone())]));
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var mutation in Walk(root, array[i]!, [.. path, i], required))
                    {
                        yield return mutation;
                    }
                }
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return Make(root, path, "huge text", _ => new string('x', HugeText));
                yield return Make(root, path, "NUL", _ => "a\u0000b");
                yield return Make(root, path, "control character", _ => "a\u0007b");
                yield return Make(root, path, "lone surrogate", _ => LoneSurrogateMarker);
                if (IsoDate().IsMatch(text))
                {
                    yield return Make(root, path, "year 1", _ => "0001-01-01");
                    yield return Make(root, path, "year 9999", _ => "9999-12-31");
                }
                break;
            case JsonValue value when value.TryGetValue<double>(out _):
                yield return Make(root, path, "negative", _ => -1);
                yield return Make(root, path, "int.MaxValue", _ => int.MaxValue);
                yield return Make(root, path, "beyond int", _ => 99_999_999_999);
                break;
        }
    }

    private static Mutation Make(JsonNode root, IReadOnlyList<object> path, string what, Func<JsonNode?, JsonNode?> change) =>
        new(Field(path), what, With(root, path, change));

    /// <summary>The body with the node at <paramref name="path"/> replaced, as JSON text.</summary>
    private static string With(JsonNode root, IReadOnlyList<object> path, Func<JsonNode?, JsonNode?> change)
    {
        var copy = root.DeepClone();
        if (path.Count == 0)
        {
            copy = change(copy)!;
        }
        else
        {
            var parent = path.SkipLast(1).Aggregate(copy, (node, step) => step is int index ? node[index]! : node[(string)step]!);
            if (path[^1] is int index)
            {
                parent[index] = change(parent[index]?.DeepClone());
            }
            else
            {
                parent[(string)path[^1]] = change(parent[(string)path[^1]]?.DeepClone());
            }
        }
        return copy.ToJsonString().Replace($"\"{LoneSurrogateMarker}\"", "\"\\ud800\"", StringComparison.Ordinal);
    }

    /// <summary>The path as the API names fields: <c>participants[0].note</c>.</summary>
    public static string Field(IReadOnlyList<object> path) =>
        string.Concat(path.Select((step, i) => step is int index ? $"[{index}]" : i == 0 ? (string)step : $".{step}"));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
