using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// A schema from an OpenAPI 3.1 document as a JSON Schema 2020-12 a real validator
/// (JsonSchema.Net) evaluates: the document's component schemas become <c>$defs</c> beside it, so
/// every <c>$ref</c> resolves the way it does in the document.
/// </summary>
public static class DocumentSchemas
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Null when <paramref name="value"/> is valid, otherwise each failure with where in the value it is.</summary>
    public static string? Check(JsonObject document, JsonNode schema, JsonNode? value)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace($"\"{ComponentPrefix}", "\"#/$defs/", StringComparison.Ordinal);
        // A registry per schema: each is built at its own address, so documents never clash.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var built = JsonSchema.FromText(text, options, new Uri($"https://contracts.test/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        var results = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }
        var failures = Flatten(results)
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"  {detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"))
            .Distinct()
            .Take(20)
            .ToList();
        return failures.Count > 0 ? string.Join('\n', failures) : "  (the validator names no single failing keyword)";
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results) =>
        new[] { results }.Concat((results.Details ?? []).SelectMany(Flatten));
}
