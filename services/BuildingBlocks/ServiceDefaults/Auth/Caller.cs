using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>Who is calling, as far as the rules of the registry care; anonymous when no credentials were sent.</summary>
public sealed record Caller(
    string? Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Organisations, string? Partner, bool HasPersonalDataScope)
{
    public static readonly Caller Anonymous = new(null, [], [], null, false);

    public bool IsAuthenticated => Subject is not null;

    public bool IsRegistryAdmin => Roles.Contains(Auth.Roles.RegistryAdmin);

    public bool IsOrgEditor => Roles.Contains(Auth.Roles.OrgEditor);

    public bool IsPartner => Roles.Contains(Auth.Roles.Partner) && Partner is not null;

    /// <summary>
    /// Whether the people behind contacts (name, e-mail, phone) may be shown: national staff and
    /// organisation editors keep those lists, partners need the personal-data scope, and
    /// anonymous callers never see them.
    /// </summary>
    public bool MaySeePersonalData => IsRegistryAdmin || IsOrgEditor || (IsPartner && HasPersonalDataScope);

    /// <summary>Whether the caller may change contacts owned by this institution.</summary>
    public bool MayEditFor(string? ownerInstitutionId) =>
        IsRegistryAdmin || (IsOrgEditor && ownerInstitutionId is not null && Organisations.Contains(ownerInstitutionId));

    public static Caller From(ClaimsPrincipal user)
    {
        // A blank subject names no one: such a caller reads as anonymous and cannot write (UseSamverkanAuth).
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(SamverkanClaims.Subject)?.Value is not { } subject || string.IsNullOrWhiteSpace(subject))
        {
            return Anonymous;
        }
        return new Caller(
            subject,
            Values(user, SamverkanClaims.Roles),
            Values(user, SamverkanClaims.Organisations),
            user.FindFirst(SamverkanClaims.Partner)?.Value,
            Values(user, SamverkanClaims.Scope).SelectMany(scope => scope.Split(' ')).Contains(SamverkanClaims.PersonalDataScope));
    }

    private static string[] Values(ClaimsPrincipal user, string type) =>
        user.FindAll(type).Select(claim => claim.Value).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}

public static class CallerExtensions
{
    public static Caller Caller(this HttpContext context) => Auth.Caller.From(context.User);
}
