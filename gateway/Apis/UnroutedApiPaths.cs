namespace Samverkan.Gateway.Apis;

/// <summary>
/// The web app takes every path outside the API (its route matches <c>/{**rest}</c> at the lowest
/// priority). A path under the API's own prefixes that no service route or gateway endpoint takes
/// is still the API's: answered 404 here (problem+json through the status code pages, with the
/// API's Content-Security-Policy), never with the web app's page.
/// </summary>
public static class UnroutedApiPaths
{
    private static readonly string[] Prefixes = ["/api", "/openapi"];

    public static IEndpointRouteBuilder MapUnroutedApiPaths(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in Prefixes)
        {
            // A catch-all: every service route and gateway endpoint under the prefix is more specific and wins.
            app.Map(prefix + "/{**rest}", () => TypedResults.NotFound()).ExcludeFromDescription();
        }
        return app;
    }
}
