using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Gateway.Security;

/// <summary>
/// The Content-Security-Policy of the Scalar reference page. The page loads its scripts from the
/// gateway and starts them from one inline script whose text depends on the services routed;
/// that script is allowed by its SHA-256, computed from the page as served, so no other inline
/// script can run. Styles are injected at run time (inline styles allowed); the documents and
/// "try it" requests go to the gateway only; fonts and images come from the page itself.
/// </summary>
public static partial class ApiReferencePolicy
{
    public static WebApplication UseApiReferencePolicy(this WebApplication app, PathString referencePath)
    {
        // Only the page itself is buffered, not its multi-megabyte script files.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(referencePath) && !Path.HasExtension(context.Request.Path.Value),
            branch => branch.Use(WithScriptHashesAsync));
        return app;
    }

    public static string For(IEnumerable<string> inlineScripts) =>
        "default-src 'none'; "
        + $"script-src 'self'{string.Concat(inlineScripts.Select(script => $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'"))}; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static async Task WithScriptHashesAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var page = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            context.Response.Headers.ContentSecurityPolicy = For(InlineScript().Matches(page).Select(match => match.Groups["body"].Value));
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc\\s*=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
