namespace Samverkan.Gateway.Security;

/// <summary>
/// Cross-origin access for the browser applications named in <c>Cors:AllowedOrigins</c>
/// (e.g. <c>https://samverkan.example.se</c>), with credentials; none by default. A wildcard is
/// refused at start: with credentials allowed it would let any site act as the signed-in user.
/// </summary>
public static class CrossOrigin
{
    public static IHostApplicationBuilder AddCrossOrigin(this IHostApplicationBuilder builder)
    {
        // A browser's Origin header never ends in a slash.
        var origins = (builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Select(origin => origin.TrimEnd('/')).ToArray();
        foreach (var origin in origins)
        {
            if (origin.Contains('*', StringComparison.Ordinal) || !IsOrigin(origin))
            {
                throw new InvalidOperationException(
                    $"Cors:AllowedOrigins holds '{origin}'. Name each origin exactly (scheme://host[:port], no path); wildcards are not allowed.");
            }
        }
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowCredentials()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
            .AllowAnyHeader()
            // What the API answers with that a browser application needs to read.
            .WithExposedHeaders("ETag", "Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority).Equals(value, StringComparison.OrdinalIgnoreCase);
}
