using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Auth;

/// <summary>
/// Signing in and out. Both POSTs bind form fields, so ASP.NET Core checks their antiforgery token.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>The Blazor page where, in Development, you choose who you are.</summary>
    public const string DevelopmentPage = "/logga-in";

    public static IEndpointRouteBuilder MapSignInEndpoints(this WebApplication app)
    {
        var development = SignInExtensions.UsesDevelopmentSignIn(app.Environment, app.Configuration);
        app.MapGet(SignInExtensions.SignInPath, (string? returnUrl) => development
            ? Results.Redirect(QueryPath.With(DevelopmentPage, ("returnUrl", LocalOrStart(returnUrl))))
            : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrStart(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]));
        if (development)
        {
            app.MapPost(SignInExtensions.SignInPath, SignInForDevelopmentAsync);
        }
        // The form field is bound only so that the framework checks the form's antiforgery token.
        app.MapPost(SignInExtensions.SignOutPath, async ([FromForm] string? signOut, HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return development
                ? Results.Redirect("/")
                : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
        });
        return app;
    }

    private static async Task<IResult> SignInForDevelopmentAsync(
        [FromForm] string role, [FromForm] string? organisation, [FromForm] string? partner, [FromForm] string? returnUrl,
        HttpContext context, DevelopmentTokens tokens, IStringLocalizer<Texts> texts, Api.RegistryApi api)
    {
        var organisations = role == WebClaims.OrgEditor && !string.IsNullOrWhiteSpace(organisation) ? new[] { organisation.Trim() } : [];
        var partnerId = role == WebClaims.PartnerRole && !string.IsNullOrWhiteSpace(partner) ? partner.Trim() : null;
        var valid = role == WebClaims.RegistryAdmin || role == WebClaims.OrgEditor && organisations.Length > 0 || role == WebClaims.PartnerRole && partnerId is not null;
        if (!valid)
        {
            return Results.Redirect(QueryPath.With(DevelopmentPage, ("returnUrl", LocalOrStart(returnUrl)), ("fel", "1")));
        }
        var subject = DevelopmentTokens.SubjectFor(role, organisations, partnerId);
        var name = role switch
        {
            WebClaims.RegistryAdmin => texts["SignIn_AsAdmin"].Value,
            WebClaims.OrgEditor => string.Format(Swedish.Culture, texts["SignIn_AsEditorOf"].Value,
                (await api.InstitutionAsync(organisations[0], context.RequestAborted))?.Value.Name ?? organisations[0]),
            _ => string.Format(Swedish.Culture, texts["SignIn_AsPartner"].Value, partnerId),
        };
        var claims = new List<Claim> { new("sub", subject), new(WebClaims.Name, name), new(WebClaims.Roles, role) };
        claims.AddRange(organisations.Select(id => new Claim(WebClaims.Organisation, id)));
        if (partnerId is not null)
        {
            claims.Add(new Claim(WebClaims.Partner, partnerId));
        }
        var identity = new ClaimsIdentity(claims, "development", WebClaims.Name, WebClaims.Roles);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow + DevelopmentTokens.Lifetime, IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = SignInExtensions.AccessToken, Value = tokens.Mint(role, organisations, partnerId, subject) }]);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return Results.Redirect(LocalOrStart(returnUrl));
    }

    /// <summary>Only a path on this site: an open redirect would let a link sign someone in and send them elsewhere.</summary>
    public static string LocalOrStart(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not '/' and not '\\') ? returnUrl : "/";
}
