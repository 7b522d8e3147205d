using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// The statuses any operation can answer besides its own, each a problem body: 401 (credentials
/// missing or refused) on every operation, since sent credentials that do not hold are refused even
/// where anonymous callers are welcome; 403 where a role is needed; 413 and 415 where a body is
/// read (RequestLimits, strict JSON); 429 from the gateway's rate limit and 503 when storage or a
/// service the answer needs is down, both with Retry-After. An operation's own description of a
/// status wins: this only fills the gaps.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        var access = EndpointAccess.Of(context.Description);
        operation.Responses ??= [];
        Add(operation, "401", ProblemSchema.Response(document,
            "Authentication required, or the credentials sent (token or API key) were refused."));
        if (access.RequiresCaller)
        {
            Add(operation, "403", ProblemSchema.Response(document,
                "The caller is signed in but may not do this (role, organisation, or a token without a subject for a write)."));
        }
        if (operation.RequestBody is not null)
        {
            Add(operation, "413", ProblemSchema.Response(document, "The body is larger than the request limit (1 MiB)."));
            Add(operation, "415", ProblemSchema.Response(document, "The body is not sent as `application/json`."));
        }
        Add(operation, "429", Retrying(document, "Too many requests from this caller (the gateway's rate limit)."));
        Add(operation, "503", Retrying(document, "Storage, or a service this answer depends on, is unavailable; nothing was changed."));
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, OpenApiResponse response) =>
        operation.Responses!.TryAdd(status, response);

    private static OpenApiResponse Retrying(OpenApiDocument? document, string description)
    {
        var response = ProblemSchema.Response(document, description);
        response.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
            },
        };
        return response;
    }
}
