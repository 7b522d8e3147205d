namespace Samverkan.Gateway.Security;

/// <summary>
/// Headers on every answer of the gateway, its own and the services' alike. The API answers
/// data, never pages to render or frame, so its Content-Security-Policy allows nothing; a
/// service that serves a page (the printable report) states its own policy, which is kept, and
/// the API reference page gets the one it needs (<see cref="ApiReferencePolicy"/>).
/// </summary>
public static class SecurityHeaders
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        }
        // Only over TLS: over plain HTTP the header is ignored by browsers and would misstate the setup.
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }
        // Kestrel adds none here (AddServerHeader is off); this drops one a service behind the proxy sent.
        headers.Server = default;
    }
}
