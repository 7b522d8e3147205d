using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.Web.Auth;

/// <summary>
/// The development tokens of the launcher's <c>token</c> command (deploy/Local/DevelopmentAuth.cs:
/// the same issuer, audience, claims and subjects), signed with the key the launcher passes in
/// <c>Auth:Development:SigningKey</c>. Only in the Development environment, like the services,
/// which refuse that key elsewhere.
/// </summary>
public sealed class DevelopmentTokens(string base64Key, TimeProvider clock)
{
    public const string Issuer = "samverkan-development";
    public const string Audience = "samverkan";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Mint(string role, IReadOnlyList<string> organisations, string? partner, string subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject, [WebClaims.Roles] = new[] { role } };
        if (organisations.Count > 0)
        {
            claims[WebClaims.Organisation] = organisations.ToArray();
        }
        if (partner is not null)
        {
            claims[WebClaims.Partner] = partner;
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The subject the launcher's token command gives each kind of caller, so the audit trail names them alike.</summary>
    public static string SubjectFor(string role, IReadOnlyList<string> organisations, string? partner) => role switch
    {
        WebClaims.RegistryAdmin => "admin@samverkan.local",
        WebClaims.OrgEditor => $"editor@{string.Join('+', organisations)}",
        _ => $"client:{partner}",
    };
}
