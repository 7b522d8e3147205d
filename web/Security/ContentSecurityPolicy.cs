namespace Samverkan.Web.Security;

/// <summary>
/// The app's own Content-Security-Policy (the gateway keeps a policy a page states, and gives
/// everything else its API one). Everything comes from this origin: no inline script or style,
/// no other origin's font, script or image. Forms post here only, and to the identity provider
/// when one is configured (signing out redirects there).
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(string? authority)
    {
        var formTargets = Uri.TryCreate(authority, UriKind.Absolute, out var issuer) ? $"'self' {issuer.GetLeftPart(UriPartial.Authority)}" : "'self'";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
            + $"form-action {formTargets}; base-uri 'self'; frame-ancestors 'none'";
    }

    public static WebApplication UseContentSecurityPolicy(this WebApplication app)
    {
        var policy = For(app.Configuration["Auth:Authority"]);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = policy;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
