using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Auth;

/// <summary>
/// Who is signed in: a cookie session in the browser, the ticket (with the user's access token
/// for the API) on the server. In Development with the launcher's signing key, a local page lets
/// you choose who you are (<see cref="SignInEndpoints"/>); otherwise OpenID Connect against
/// <c>Auth:Authority</c>, authorization code with PKCE.
/// </summary>
public static class SignInExtensions
{
    public const string DevelopmentKeySetting = "Auth:Development:SigningKey";
    public const string SignInPath = "/konto/logga-in";
    public const string SignOutPath = "/konto/logga-ut";
    public const string AccessToken = "access_token";

    /// <summary>The sign-in page, coming back to <paramref name="returnPathAndQuery"/> afterwards.</summary>
    /// <param name="returnPathAndQuery">Where the user was, path and query.</param>
    public static string SignInHref(string returnPathAndQuery) => QueryPath.With(SignInPath, ("returnUrl", returnPathAndQuery));

    public static bool UsesDevelopmentSignIn(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && !string.IsNullOrWhiteSpace(configuration[DevelopmentKeySetting]);

    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = UsesDevelopmentSignIn(builder.Environment, configuration);
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton<ITicketStore, MemoryTicketStore>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessionStoreSetup>();
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = development ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie(options =>
        {
            options.Cookie.Name = SessionCookie.Name;
            options.Cookie.HttpOnly = true;
            // Lax: a link from elsewhere arrives signed in; a cross-site POST does not (and antiforgery refuses it anyway).
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = SessionCookie.SecurePolicy(builder.Environment);
            options.LoginPath = SignInPath;
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = DevelopmentTokens.Lifetime;
            options.SlidingExpiration = false;
        });
        if (development)
        {
            services.AddSingleton(provider => new DevelopmentTokens(configuration[DevelopmentKeySetting]!, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            authentication.AddOpenIdConnect(options =>
            {
                options.Authority = configuration["Auth:Authority"];
                options.ClientId = configuration["Auth:ClientId"];
                options.ClientSecret = configuration["Auth:ClientSecret"];
                options.ResponseType = "code";
                options.UsePkce = true;
                // The query response mode keeps the callback a top-level GET, which the Lax cookies survive.
                options.ResponseMode = "query";
                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.Scope.Add("profile");
                options.TokenValidationParameters.NameClaimType = WebClaims.Name;
                options.TokenValidationParameters.RoleClaimType = WebClaims.Roles;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }
}
