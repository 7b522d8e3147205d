using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>What an endpoint's authorization metadata asks of a caller, as the documents describe it.</summary>
internal sealed record EndpointAccess(bool RequiresCaller, bool AcceptsApiKey)
{
    // An API key signs a partner in (role partner): only policies that admit partners, or that ask
    // for no more than a signed-in caller, let a key through; the others answer it 403.
    private static readonly HashSet<string?> PoliciesAdmittingPartners = [null, "", Policies.PartnerOrAdmin, Policies.PublicRead];

    public static EndpointAccess Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // Like the authorization middleware: an AllowAnonymous anywhere wins over every requirement.
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return new EndpointAccess(false, true);
        }
        var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        var inlinePolicies = metadata.OfType<AuthorizationPolicy>().Any();
        if (policies.Count == 0 && !inlinePolicies)
        {
            return new EndpointAccess(false, true);
        }
        return new EndpointAccess(true, !inlinePolicies && policies.All(PoliciesAdmittingPartners.Contains));
    }
}
