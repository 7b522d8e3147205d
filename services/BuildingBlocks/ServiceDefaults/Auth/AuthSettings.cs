using Microsoft.Extensions.DependencyInjection;
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

/// <summary>
/// Stops the process at start with each of <see cref="AuthSettings.Problems"/>.
/// Also stops a process that could not check a partner's API key: one that neither owns the keys
/// (Subscriptions registers its own <see cref="IApiKeyResolver"/>) nor knows where the key
/// directory is (<c>GrpcClients:Subscriptions</c>, a logical address that ServiceAddressValidator
/// also requires to resolve). Without this it would start and refuse
/// every key as invalid, which is how a process started without the launcher once behaved.
/// </summary>
internal sealed class AuthSettingsValidator(IHostEnvironment environment, IServiceProviderIsService services) : IValidateOptions<AuthSettings>
{
    public const string NoKeyDirectory =
        "GrpcClients:Subscriptions (the API key directory) is not set, so partner API keys could not be checked. Set it to Subscriptions' logical gRPC address, http://_grpc.subscriptions.";

    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        var problems = options.Problems(environment).ToList();
        if (!services.IsService(typeof(IApiKeyResolver)))
        {
            problems.Add(NoKeyDirectory);
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
