using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Authorization policies by name, registered in every process. Endpoints name one; rules that
/// depend on the resource (whose contact, whose subscription) are checked in the handler too.
/// </summary>
public static class Policies
{
    /// <summary>National staff only.</summary>
    public const string RegistryAdmin = "registry-admin";

    /// <summary>National staff or an organisation editor (the handler checks which organisation).</summary>
    public const string Editor = "editor";

    /// <summary>National staff or a partner system (the handler checks whose subscription).</summary>
    public const string PartnerOrAdmin = "partner-or-admin";

    /// <summary>Reads for anyone; any other method needs an authenticated caller. The gateway's routes use it.</summary>
    public const string PublicRead = "public-read";

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(RegistryAdmin, policy => policy.RequireClaim(SamverkanClaims.Roles, Roles.RegistryAdmin));
        options.AddPolicy(Editor, policy => policy.RequireClaim(SamverkanClaims.Roles, Roles.RegistryAdmin, Roles.OrgEditor));
        options.AddPolicy(PartnerOrAdmin, policy => policy.RequireClaim(SamverkanClaims.Roles, Roles.RegistryAdmin, Roles.Partner));
        options.AddPolicy(PublicRead, policy => policy.RequireAssertion(context =>
            context.Resource is HttpContext http && IsRead(http.Request.Method) || context.User.Identity?.IsAuthenticated == true));
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
