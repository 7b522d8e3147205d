using Microsoft.AspNetCore.OpenApi;
using Samverkan.ServiceDefaults.Json;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>The transformers every document gets (docs/api.md, "OpenAPI documents").</summary>
public static class OpenApiDocuments
{
    public static OpenApiOptions AddSamverkanTransformers(this OpenApiOptions options)
    {
        options.AddSchemaTransformer<EnumSchemas>();
        options.AddSchemaTransformer<ImpreciseDateSchemas>();
        options.AddSchemaTransformer<ProblemSchema>();
        options.AddDocumentTransformer<AnyValueSchemas>();
        options.AddDocumentTransformer<ProblemSchema>();
        options.AddDocumentTransformer<SecuritySchemes>();
        options.AddDocumentTransformer<ApiTagDescriptions>();
        options.AddOperationTransformer<SecuritySchemes>();
        // Versions before the shared statuses, so a write's own 404/409/412 descriptions win.
        options.AddOperationTransformer<VersionHeaders>();
        options.AddOperationTransformer<ProblemResponses>();
        options.AddOperationTransformer<RequestExampleBodies>();
        return options;
    }
}
