using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Versioning;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Conditional requests as the route marks say (<see cref="VersionedEndpoints"/>): a versioned read
/// answers its version as a strong <c>ETag</c>, takes <c>If-None-Match</c> and answers 304 when the
/// caller's copy is current, and 404 for an unknown id (it reads one resource by id); a versioned write takes <c>If-Match</c>, answers 404 (unknown id),
/// 409 (another write landed first), 412 (stale If-Match) and the new <c>ETag</c> on success.
/// </summary>
internal sealed class VersionHeaders : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var reads = metadata.OfType<ReadsVersionedMetadata>().Any();
        var writes = metadata.OfType<WritesVersionedMetadata>().Any();
        if (!reads && !writes)
        {
            return Task.CompletedTask;
        }
        var document = context.Document;
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers["ETag"] = ETag();
            }
        }
        if (reads)
        {
            AddParameter(operation, "If-None-Match", "Entity tags of copies the caller holds; when one matches the current version the answer is 304 without a body.");
            operation.Responses.TryAdd("304", new OpenApiResponse
            {
                Description = "The caller's copy is current.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = ETag() },
            });
        }
        operation.Responses.TryAdd("404", ProblemSchema.Response(document, "No resource has this id."));
        if (writes)
        {
            AddParameter(operation, "If-Match", "Change only if the resource is at this version (`\"3\"`), or `*`; otherwise 412 and nothing changes.");
            operation.Responses.TryAdd("409", ProblemSchema.Response(document, "Another write landed between this one's read and its commit; read again and retry."));
            operation.Responses.TryAdd("412", ProblemSchema.Response(document, "If-Match names a version that is not the current one; nothing was changed."));
        }
        return Task.CompletedTask;
    }

    private static OpenApiHeader ETag() => new()
    {
        Description = "The resource's version as a strong entity tag.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("\"3\"")] },
    };

    private static void AddParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(parameter => parameter.Name == name && parameter.In == ParameterLocation.Header))
        {
            return;
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
