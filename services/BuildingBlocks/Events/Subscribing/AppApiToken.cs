using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.Events.Subscribing;

/// <summary>
/// Dapr's app API token: when <c>APP_API_TOKEN</c> is configured, the sidecar (or, embedded, the
/// producers' relay) sends it as <c>dapr-api-token</c> with every event, and topic routes refuse
/// a delivery without it, so no one else on the network can inject events.
/// </summary>
public static class AppApiToken
{
    public const string ConfigurationKey = "APP_API_TOKEN";
    public const string Header = "dapr-api-token";

    /// <summary>An endpoint filter for topic routes: 401 when a token is configured and the request does not carry it.</summary>
    public static async ValueTask<object?> RequireAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IConfiguration>()[ConfigurationKey];
        if (!string.IsNullOrEmpty(expected) && !Matches(expected, http.Request.Headers[Header].ToString()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Event deliveries need the app API token.");
        }
        return await next(context);
    }

    private static bool Matches(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
