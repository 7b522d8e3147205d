using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Section <c>Auth</c>. In production, tokens come from the OpenID Connect issuer at
/// <see cref="Authority"/>. In the Development environment only, <c>Auth:Development:SigningKey</c>
/// (base64, at least 32 bytes) lets the local launcher mint tokens itself; set anywhere else it
/// stops the process at start, so a development key can never open a production service.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>The issuer of development tokens (deploy/Local's <c>token</c> command).</summary>
    public const string DevelopmentIssuer = "samverkan-development";

    public const string DefaultAudience = "samverkan";

    /// <summary>The OpenID Connect issuer; an empty value counts as unset.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must name; <see cref="DefaultAudience"/> when unset.</summary>
    public string? Audience { get; set; }

    public DevelopmentAuthSettings Development { get; set; } = new();

    public string? Issuer => Authority is { Length: > 0 } authority ? authority : null;

    public string ExpectedAudience => Audience is { Length: > 0 } audience ? audience : DefaultAudience;

    /// <summary>The development signing key's bytes, or null when none is set (valid once <see cref="Problems"/> is empty).</summary>
    public byte[]? DevelopmentSigningKey => Development.SigningKey is { Length: > 0 } key ? Convert.FromBase64String(key) : null;

    /// <summary>The problems with these settings in <paramref name="environment"/>; empty when they are usable.</summary>
    public IEnumerable<string> Problems(IHostEnvironment environment)
    {
        var key = Development.SigningKey is { Length: > 0 } k ? k : null;
        if (key is not null && !environment.IsDevelopment())
        {
            yield return $"Auth:Development:SigningKey is set in the {environment.EnvironmentName} environment. Development tokens are for the Development environment only; remove the key.";
        }
        else if (key is null && Issuer is null && !environment.IsDevelopment())
        {
            yield return "Auth:Authority (the OpenID Connect issuer) is required outside the Development environment.";
        }
        var bytes = new byte[key?.Length ?? 0];
        if (key is not null && (!Convert.TryFromBase64String(key, bytes, out var length) || length < 32))
        {
            yield return "Auth:Development:SigningKey must hold at least 32 bytes (base64).";
        }
    }
}

/// <summary>Section <c>Auth:Development</c>.</summary>
public sealed class DevelopmentAuthSettings
{
    /// <summary>Base64, at least 32 bytes; accepted in the Development environment only.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>Stops the process at start with each of <see cref="AuthSettings.Problems"/>.</summary>
internal sealed class AuthSettingsValidator(IHostEnvironment environment) : IValidateOptions<AuthSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthSettings options) =>
        options.Problems(environment).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
