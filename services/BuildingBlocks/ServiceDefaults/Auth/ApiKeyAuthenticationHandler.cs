using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>Authenticates a partner system by the API key in <see cref="ApiKeyFormat.Header"/>.</summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyFormat.Header, out var header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiKeyFormat.TryParse(header.ToString(), out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }
        if (Context.RequestServices.GetService<IApiKeyResolver>() is not { } resolver)
        {
            return AuthenticateResult.Fail("This process does not accept API keys.");
        }
        ApiKeyIdentity? identity;
        try
        {
            identity = await resolver.ResolveAsync(keyId, ApiKeyFormat.Hash(secret), Context.RequestAborted);
        }
        catch (RpcException e)
        {
            LogResolverDown(Logger, keyId, e.StatusCode);
            return AuthenticateResult.Fail("API keys cannot be checked right now.");
        }
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        List<Claim> claims =
        [
            new(SamverkanClaims.Subject, $"api-key:{identity.KeyId}"),
            new(SamverkanClaims.Roles, Roles.Partner),
            new(SamverkanClaims.Partner, identity.Partner),
        ];
        if (identity.PersonalData)
        {
            claims.Add(new Claim(SamverkanClaims.Scope, SamverkanClaims.PersonalDataScope));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, SamverkanClaims.Subject, SamverkanClaims.Roles));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check API key {KeyId}: the key directory answered {StatusCode}")]
    private static partial void LogResolverDown(ILogger logger, string keyId, StatusCode statusCode);
}
