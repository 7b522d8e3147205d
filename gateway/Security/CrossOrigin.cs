using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

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
        builder.Services.AddOptions<CrossOriginSettings>().BindConfiguration(CrossOriginSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CrossOriginSettings>, CrossOriginSettingsValidator>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CrossOriginSettings>>((options, settings) => options.AddDefaultPolicy(policy => policy
            .WithOrigins(settings.Value.Origins)
            .AllowCredentials()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
            .AllowAnyHeader()
            // What the API answers with that a browser application needs to read.
            .WithExposedHeaders("ETag", "Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    /// <summary>
    /// CORS, and <c>Vary: Origin</c> on every answer while any origin is allowed: whether an
    /// answer carries Access-Control-Allow-Origin depends on the request's Origin, so a cache
    /// must not hand an answer made for one origin (or for none, as a server's call is) to
    /// another. ASP.NET Core adds it only when several origins are allowed and the request had one.
    /// </summary>
    public static WebApplication UseCrossOrigin(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CrossOriginSettings>>().Value.Origins.Length > 0)
        {
            app.Use((context, next) =>
            {
                // Registered before the CORS middleware's own callback, so it runs after it and sees its Vary.
                context.Response.OnStarting(() =>
                {
                    var vary = context.Response.Headers.Vary;
                    if (!vary.SelectMany(value => (value ?? "").Split(',')).Any(name => name.Trim().Equals("Origin", StringComparison.OrdinalIgnoreCase)))
                    {
                        context.Response.Headers.Append(HeaderNames.Vary, "Origin");
                    }
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }
        app.UseCors();
        return app;
    }
}

/// <summary>Section <c>Cors</c>: <c>Cors:AllowedOrigins</c>, the browser applications allowed to call the API (none by default).</summary>
public sealed class CrossOriginSettings
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The origins as a browser sends them: its Origin header never ends in a slash.</summary>
    public string[] Origins => [.. AllowedOrigins.Select(origin => origin.TrimEnd('/'))];
}

/// <summary>Stops the gateway at start when an allowed origin is a wildcard or not an origin.</summary>
internal sealed class CrossOriginSettingsValidator : IValidateOptions<CrossOriginSettings>
{
    public ValidateOptionsResult Validate(string? name, CrossOriginSettings options)
    {
        List<string> problems = [.. options.Origins
            .Where(origin => origin.Contains('*', StringComparison.Ordinal) || !IsOrigin(origin))
            .Select(origin => $"Cors:AllowedOrigins holds '{origin}'. Name each origin exactly (scheme://host[:port], no path); wildcards are not allowed.")];
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.GetLeftPart(UriPartial.Authority).Equals(value, StringComparison.OrdinalIgnoreCase);
}
