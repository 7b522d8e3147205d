using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Free-form JSON (<see cref="JsonElement"/>, <see cref="JsonNode"/>) as any value but null. The
/// generator describes it as <c>{}</c> (anything) and a nullable property as
/// <c>oneOf [null, that]</c>, where a null matches both branches and so fails <c>oneOf</c>: an audit
/// record's <c>before</c> on a create, or a replay's <c>after</c> left null, would fail its schema.
/// </summary>
internal sealed class AnyValueSchemas : IOpenApiSchemaTransformer
{
    private const JsonSchemaType AnyButNull = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String
        | JsonSchemaType.Number | JsonSchemaType.Integer | JsonSchemaType.Boolean;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type) && type != typeof(JsonObject) && type != typeof(JsonArray))
        {
            schema.Type = AnyButNull;
        }
        return Task.CompletedTask;
    }
}
