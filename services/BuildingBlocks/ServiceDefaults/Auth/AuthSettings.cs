using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Section <c>Auth</c>. In production, tokens come from the OpenID Connect issuer at
/// <see cref="Authority"/>. In the Development environment only, <c>Auth:Development:SigningKey</c>
/// (base64, at least 32 bytes) lets the local launcher mint tokens itself; set anywhere else it
/// stops the process at start, so a development key can never open a production service.
/// </summary>
public sealed record AuthSettings(string? Authority, string Audience, byte[]? DevelopmentSigningKey)
{
    /// <summary>The issuer of development tokens (deploy/Local's <c>token</c> command).</summary>
    public const string DevelopmentIssuer = "samverkan-development";

    public const string DefaultAudience = "samverkan";

    public static AuthSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Auth");
        var authority = section["Authority"] is { Length: > 0 } a ? a : null;
        var audience = section["Audience"] is { Length: > 0 } b ? b : DefaultAudience;
        var key = section["Development:SigningKey"] is { Length: > 0 } k ? k : null;
        if (key is not null && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Auth:Development:SigningKey is set in the {environment.EnvironmentName} environment. Development tokens are for the Development environment only; remove the key.");
        }
        if (key is null && authority is null && !environment.IsDevelopment())
        {
            throw new InvalidOperationException("Auth:Authority (the OpenID Connect issuer) is required outside the Development environment.");
        }
        byte[]? keyBytes = null;
        if (key is not null)
        {
            keyBytes = Convert.FromBase64String(key);
            if (keyBytes.Length < 32)
            {
                throw new InvalidOperationException("Auth:Development:SigningKey must hold at least 32 bytes (base64).");
            }
        }
        return new AuthSettings(authority, audience, keyBytes);
    }
}
