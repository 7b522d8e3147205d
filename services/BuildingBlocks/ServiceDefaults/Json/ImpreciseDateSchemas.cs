using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.Text;

namespace Samverkan.ServiceDefaults.Json;

/// <summary>
/// <see cref="ImpreciseDate"/> in the OpenAPI documents as the string its converter reads and
/// writes; the generator would otherwise describe the struct's properties as an object.
/// </summary>
internal sealed class ImpreciseDateSchemas : IOpenApiSchemaTransformer
{
    /// <summary>The written forms (ImpreciseDate's remarks): a day, a month, a year, a half year, or "before" a day.</summary>
    public const string Pattern = @"^(before \d{4}-\d{2}-\d{2}|\d{4}(-\d{2}(-\d{2})?|-spring|-autumn)?)$";

    private const string Description = "A date as precisely as its source gives it: a day (2018-10-24), a month (2018-04), a year (2018), " +
        "a half year (2018-spring: January to June; 2018-autumn: July to December), or \"before 2017-06-30\" (held earlier, date unknown).";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ImpreciseDate) || Nullable.GetUnderlyingType(type) == typeof(ImpreciseDate))
        {
            Describe(schema, nullable: type != typeof(ImpreciseDate));
        }
        else if (type.IsAssignableTo(typeof(IEnumerable<ImpreciseDate>)))
        {
            // The generator leaves a list's items undescribed when their type has a converter of its own.
            schema.Items = Describe(new OpenApiSchema(), nullable: false);
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Describe(OpenApiSchema schema, bool nullable)
    {
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.Pattern = Pattern;
        schema.Description = Description;
        return schema;
    }
}
