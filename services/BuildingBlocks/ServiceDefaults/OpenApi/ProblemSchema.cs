using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Problem bodies (RFC 9457) as they are really sent: the standard members plus extension
/// members such as <c>traceId</c> and <c>errors</c>, which the generated schemas forbid
/// (<c>additionalProperties: false</c>) and live answers would then fail. One shared
/// <see cref="Name"/> component serves every status the building blocks add.
/// </summary>
internal sealed class ProblemSchema : IOpenApiDocumentTransformer, IOpenApiSchemaTransformer
{
    public const string Name = "ProblemDetails";
    public const string ContentType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Name] = Problem();
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>A response with a problem body, referring to the shared component.</summary>
    public static OpenApiResponse Response(OpenApiDocument? document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ContentType] = new() { Schema = new OpenApiSchemaReference(Name, document) },
        },
    };

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem (RFC 9457). Extension members may follow: `traceId` always, `errors` (field path → messages) on 400.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What went wrong in this request, and what to do."),
            ["instance"] = Text("The request this problem is about."),
            ["traceId"] = Text("The W3C trace id of the request, to quote to support."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field errors, keyed by the field's path as the client wrote it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        Examples =
        [
            new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
                ["title"] = "Precondition failed.",
                ["status"] = StatusCodes.Status412PreconditionFailed,
                ["detail"] = "The resource is at version 4; the request expected version 3.",
                ["traceId"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            },
        ],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
}
