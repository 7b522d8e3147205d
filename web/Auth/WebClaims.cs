using System.Security.Claims;

namespace Samverkan.Web.Auth;

/// <summary>
/// What the app knows about who is signed in, in the API's own claim names (roles, org, partner:
/// docs/security.md). The app only uses it to hide what the API would refuse; the API decides.
/// </summary>
public static class WebClaims
{
    public const string Roles = "roles";
    public const string Organisation = "org";
    public const string Partner = "partner";
    public const string Name = "name";

    public const string RegistryAdmin = "registry-admin";
    public const string OrgEditor = "org-editor";
    public const string PartnerRole = "partner";

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool IsRegistryAdmin(this ClaimsPrincipal user) => user.HasClaim(Roles, RegistryAdmin);

    public static IReadOnlyList<string> Organisations(this ClaimsPrincipal user) =>
        [.. user.FindAll(Organisation).Select(claim => claim.Value)];

    /// <summary>Whether the API would let this user write contacts owned by <paramref name="institutionId"/>.</summary>
    public static bool MayEditContactsOf(this ClaimsPrincipal user, string? institutionId) =>
        user.IsRegistryAdmin()
        || institutionId is not null && user.HasClaim(Roles, OrgEditor) && user.Organisations().Contains(institutionId, StringComparer.Ordinal);

    /// <summary>Whether the API lets this user manage webhook subscriptions: national staff (all), a partner system with a partner id (its own).</summary>
    public static bool MayManageSubscriptions(this ClaimsPrincipal user) =>
        user.IsRegistryAdmin() || user.HasClaim(Roles, PartnerRole) && user.FindFirst(Partner) is not null;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirst(Name)?.Value ?? user.Identity?.Name ?? "";
}
