using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.Json;

/// <summary>
/// Enum schemas in the OpenAPI documents as the strings <see cref="StrictEnumConverterFactory"/>
/// reads and writes. The document generator knows only the built-in enum converter's shape, so
/// without this every enum would be described as "anything".
/// </summary>
internal sealed class EnumSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            // Never null here: the generator shares one component per enum and writes a nullable
            // property as oneOf [null, component]; a null in the component too would match both.
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(enumType)
                .Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)))
                .ToList();
        }
        return Task.CompletedTask;
    }
}
