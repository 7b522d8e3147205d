using System.Globalization;
using System.Text.Json.Nodes;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// Checks a live answer against what the documents promise for it: the status is documented for
/// the operation, the body's media type is one the document gives for that status, and a JSON
/// body validates against that schema (<see cref="DocumentSchemas"/>).
/// </summary>
public sealed class LiveAnswers(IReadOnlyList<JsonObject> documents)
{
    private readonly List<string> failures = [];

    /// <summary>Every mismatch seen so far, one paragraph each.</summary>
    public IReadOnlyList<string> Failures => failures;

    /// <summary>Checks <paramref name="response"/> and returns its body, parsed when it is JSON.</summary>
    public async Task<JsonNode?> CheckAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage!;
        var path = request.RequestUri!.AbsolutePath;
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var json = mediaType is not null && (mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)) && text.Length > 0
            ? JsonNode.Parse(text)
            : null;
        var failure = Check(request.Method, path, status, mediaType, text, json);
        if (failure is not null)
        {
            failures.Add($"{request.Method} {request.RequestUri.PathAndQuery} → {status}: {failure}\n  body: {Shorten(text)}");
        }
        return json;
    }

    private string? Check(HttpMethod method, string path, int status, string? mediaType, string text, JsonNode? json)
    {
        if (DocumentedOperation.Find(documents, method, path) is not { } operation)
        {
            return "no document describes this operation.";
        }
        if (operation.Response(status) is not { } response)
        {
            var documented = string.Join(", ", operation.Operation["responses"]?.AsObject().Select(entry => entry.Key) ?? []);
            return $"{operation.Name} does not document {status.ToString(CultureInfo.InvariantCulture)} (it documents {documented}).";
        }
        var content = response["content"] as JsonObject;
        if (text.Length == 0)
        {
            return content is null || method == HttpMethod.Head ? null : $"{operation.Name} documents a body for {status}, and none was sent.";
        }
        if (content is null)
        {
            return $"{operation.Name} documents no body for {status}, and a {mediaType} body was sent.";
        }
        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return $"{operation.Name} documents {string.Join(", ", content.Select(entry => entry.Key))} for {status}, not {mediaType}.";
        }
        if (json is null || media["schema"] is not { } schema)
        {
            return null;
        }
        var errors = DocumentSchemas.Check(operation.Document, schema, json);
        return errors is null ? null : $"the body does not match the {status.ToString(CultureInfo.InvariantCulture)} schema of {operation.Name}:\n{errors}";
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
