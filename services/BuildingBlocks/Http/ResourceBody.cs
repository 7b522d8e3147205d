using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Samverkan.Http;

/// <summary>
/// Reads a PUT or PATCH body against the resource as the API shows it now, so a client can
/// send back what GET returned (read-only fields ignored when they match, see
/// <see cref="ReadOnlyFields"/>) or only what changes (<see cref="MergePatch"/>). The result is
/// read with the API's strict options, so an unknown or mistyped field is a 400 naming it.
/// </summary>
public static class ResourceBody
{
    /// <summary>
    /// What a PUT or a PATCH sent, to be read once the handler has the resource as shown. The
    /// route declares its input type and media type
    /// (<c>Accepts</c>); routing does not pick endpoints by Content-Type, so another one is
    /// refused here as a body binding would refuse it (415, made a problem by the exception handler).
    /// </summary>
    public static async Task<SentBody<TInput>> ReadAsync<TInput>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct) =>
        new(await ReadObjectAsync(request, options, ct), HttpMethods.IsPatch(request.Method), options);

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
            && !(MediaTypeHeaderValue.TryParse(request.ContentType, out var sent)
                && accepts.ContentTypes.Any(type => string.Equals(type, sent.MediaType.Value, StringComparison.OrdinalIgnoreCase))))
        {
            throw new BadHttpRequestException("The request body is not in a media type this endpoint reads.", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            using (var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false }))
            {
                ThrowAtUnreadableString(document.RootElement, "$");
            }
            return JsonSerializer.Deserialize<JsonObject>(buffer.ToArray(), options)
                ?? throw new JsonException("The body is null; send a JSON object.");
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>
    /// A parsed body keeps its strings escaped until they are read, so a string that is valid JSON
    /// but no text (a lone surrogate, \uD800) would fail later without a path. Reading each one
    /// here names the field, as a body bound directly does.
    /// </summary>
    private static void ThrowAtUnreadableString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    ThrowAtUnreadableString(member.Value, $"{path}.{member.Name}");
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    ThrowAtUnreadableString(item, $"{path}[{index++}]");
                }
                break;
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                }
                catch (InvalidOperationException e)
                {
                    throw new JsonException("The value is not valid text.", path, null, null, e);
                }
                break;
        }
    }

    /// <summary>The replacement a PUT sent; null with errors in <paramref name="validation"/> when a read-only field differs.</summary>
    internal static TInput? Replacement<TInput>(JsonObject body, object shown, JsonSerializerOptions options, Validation validation) =>
        Read<TInput>((JsonObject)body.DeepClone(), Represent(shown, options), options, validation);

    /// <summary>The replacement a merge patch makes of the resource as shown.</summary>
    internal static TInput? Patched<TInput>(JsonObject patch, object shown, JsonSerializerOptions options, Validation validation)
    {
        var current = Represent(shown, options);
        return Read<TInput>((JsonObject)MergePatch.Apply(current, patch)!, current, options, validation);
    }

    private static TInput? Read<TInput>(JsonObject body, JsonObject current, JsonSerializerOptions options, Validation validation)
    {
        ReadOnlyFields.Strip(body, current, options.GetTypeInfo(typeof(TInput)), validation);
        if (!validation.IsValid)
        {
            return default;
        }
        try
        {
            return body.Deserialize<TInput>(options);
        }
        catch (JsonException e)
        {
            // The problem handler names the field, as it does for a body bound directly.
            throw new BadHttpRequestException("The request body is not valid.", StatusCodes.Status400BadRequest, e);
        }
    }

    private static JsonObject Represent(object shown, JsonSerializerOptions options) =>
        JsonSerializer.SerializeToNode(shown, shown.GetType(), options) as JsonObject
            ?? throw new InvalidOperationException($"{shown.GetType().Name} is not shown as a JSON object.");
}

/// <summary>
/// A PUT's body (the replacement) or a PATCH's (a merge patch of the resource as shown), the
/// request's method says which; both are read into <typeparamref name="TInput"/> the same way.
/// </summary>
public sealed class SentBody<TInput>(JsonObject body, bool isPatch, JsonSerializerOptions options)
{
    /// <summary>The input the body makes of the resource as <paramref name="shown"/>; null with errors in <paramref name="validation"/>.</summary>
    public TInput? Against(object shown, Validation validation) => isPatch
        ? ResourceBody.Patched<TInput>(body, shown, options, validation)
        : ResourceBody.Replacement<TInput>(body, shown, options, validation);
}
