using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Free-form JSON components (JsonElement, JsonNode: the generator writes them as <c>{}</c>,
/// anything) as any value but null. A nullable property is written as <c>oneOf [null, component]</c>,
/// and with <c>{}</c> a null matches both branches and fails <c>oneOf</c>: an audit record's
/// <c>before</c> on a create, or a replay's <c>after</c> left null, would fail its own schema.
/// </summary>
internal sealed class AnyValueSchemas : IOpenApiDocumentTransformer
{
    private const JsonSchemaType AnyButNull = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String
        | JsonSchemaType.Number | JsonSchemaType.Boolean;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Type is null && schema.Properties is not { Count: > 0 } && schema.OneOf is not { Count: > 0 }
                && schema.AnyOf is not { Count: > 0 } && schema.AllOf is not { Count: > 0 } && schema.Enum is not { Count: > 0 }
                && schema.Items is null && schema.AdditionalProperties is null)
            {
                schema.Type = AnyButNull;
            }
        }
        return Task.CompletedTask;
    }
}
