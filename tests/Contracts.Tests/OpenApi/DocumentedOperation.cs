using System.Text.Json.Nodes;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>An operation of one document, found by the method and path a request used.</summary>
public sealed record DocumentedOperation(JsonObject Document, string Template, JsonObject Operation)
{
    /// <summary>
    /// The operation of <paramref name="documents"/> whose path template matches
    /// <paramref name="path"/>, the most literal one first (as the router picks
    /// <c>/api/regions/{id}/coverage</c> over <c>/api/regions/{id}</c>); null when none does.
    /// </summary>
    public static DocumentedOperation? Find(IEnumerable<JsonObject> documents, HttpMethod method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var candidates =
            from document in documents
            from entry in document["paths"]?.AsObject() ?? []
            let template = entry.Key.Trim('/').Split('/')
            where template.Length == segments.Length && template.Zip(segments).All(pair => IsVariable(pair.First) || pair.First == pair.Second)
            let operation = entry.Value?[method.Method.ToLowerInvariant()] as JsonObject
            where operation is not null
            orderby template.Count(segment => !IsVariable(segment)) descending
            select new DocumentedOperation(document, entry.Key, operation);
        return candidates.FirstOrDefault();
    }

    /// <summary>The response the document gives for <paramref name="status"/>, or its default.</summary>
    public JsonObject? Response(int status) =>
        Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] as JsonObject
        ?? Operation["responses"]?["default"] as JsonObject;

    public string Name => $"{Operation["operationId"]?.GetValue<string>() ?? "(no operationId)"} {Template}";

    private static bool IsVariable(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
