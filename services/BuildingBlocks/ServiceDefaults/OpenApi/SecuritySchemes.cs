using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// The two ways a caller signs in (AuthenticationExtensions): a JWT bearer token, or a partner's
/// API key in <see cref="ApiKeyFormat.Header"/>. Each operation says which it takes: those that
/// require authorization need one; anonymous reads take either optionally (`{}` first), since a
/// signed-in caller may see more (personal data) and sent credentials that do not hold are a 401.
/// </summary>
internal sealed class SecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from the platform's OpenID Connect issuer, sent as `Authorization: Bearer <token>`. "
                + "Roles come from its `roles` claim (registry-admin, org-editor, partner); writes need a `sub`.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            Name = ApiKeyFormat.Header,
            In = ParameterLocation.Header,
            Description = "A partner system's API key (see docs/partners.md). It signs the partner in with the partner role.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = EndpointAccess.Of(context.Description);
        var document = context.Document;
        var requirements = new List<OpenApiSecurityRequirement>();
        if (!access.RequiresCaller)
        {
            requirements.Add([]);
        }
        requirements.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
        if (access.AcceptsApiKey)
        {
            requirements.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, document)] = [] });
        }
        operation.Security = requirements;
        return Task.CompletedTask;
    }
}
