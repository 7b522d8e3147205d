using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Subscriptions.Protos;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Authentication in every process (the gateway checks, and each service checks again): JWT
/// bearer tokens, or a partner's API key. Which one is chosen by the header sent.
/// </summary>
public static class AuthenticationExtensions
{
    private const string Scheme = "Samverkan";

    public static IHostApplicationBuilder AddSamverkanAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettingsValidator>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthSettings>>((options, settings) => ConfigureJwt(options, settings.Value));
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyFormat.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        builder.Services.AddAuthorization(Policies.Register);
        builder.Services.AddMemoryCache();
        if (builder.HasServiceClient("Subscriptions"))
        {
            builder.AddServiceClient<ApiKeyDirectory.ApiKeyDirectoryClient>("Subscriptions");
            builder.Services.AddSingleton<IApiKeyResolver, GrpcApiKeyResolver>();
        }
        return builder;
    }

    /// <summary>
    /// Authentication and authorization, after which a request that sent credentials that did not
    /// hold (a tampered, expired or foreign token, a revoked key) is refused with 401 even where
    /// anonymous callers are welcome, instead of quietly being served as anonymous; and a write
    /// from a valid token that names no subject (<c>sub</c>) is refused with 403, since every
    /// change must be audited to someone.
    /// </summary>
    public static WebApplication UseSamverkanAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var sentCredentials = context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey(ApiKeyFormat.Header);
            if (sentCredentials && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }
            if (context.User.Identity?.IsAuthenticated == true && context.Caller().Subject is null && !IsRead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Writes need a caller with a subject.",
                    detail: "The token holds no subject (sub claim), so a change could not be attributed to anyone. Ask the issuer for a token with a subject.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.UseAuthorization();
        return app;
    }

    // Reads are served to anonymous callers anyway, so a token without a subject may read as one.
    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static void ConfigureJwt(JwtBearerOptions options, AuthSettings settings)
    {
        // Keep claim names as the token has them (sub, roles, org), not the WS-* URIs.
        options.MapInboundClaims = false;
        options.Audience = settings.ExpectedAudience;
        var validation = options.TokenValidationParameters;
        validation.NameClaimType = SamverkanClaims.Subject;
        validation.RoleClaimType = SamverkanClaims.Roles;
        validation.ValidAudience = settings.ExpectedAudience;
        validation.ClockSkew = TimeSpan.FromSeconds(30);
        if (settings.DevelopmentSigningKey is { } key)
        {
            validation.ValidIssuer = AuthSettings.DevelopmentIssuer;
            validation.IssuerSigningKey = new SymmetricSecurityKey(key);
            options.Authority = null;
            options.RequireHttpsMetadata = false;
        }
        else
        {
            options.Authority = settings.Issuer;
        }
        options.Events = new JwtBearerEvents
        {
            // The default challenge answers with an empty body; a problem+json names the reason.
            OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Results.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Authentication required.",
                    detail: context.AuthenticateFailure is null
                        ? "Send a bearer token or an API key."
                        : "The bearer token was refused: it is malformed, tampered with, expired, or for another audience or issuer.")
                    .ExecuteAsync(context.HttpContext);
            },
        };
    }
}
