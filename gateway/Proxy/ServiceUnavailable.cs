using Yarp.ReverseProxy.Forwarder;

namespace Samverkan.Gateway.Proxy;

/// <summary>
/// A service the gateway cannot reach (connection refused, no answer before the timeout, no
/// destination) answers 503 problem+json with Retry-After, as docs/api.md promises, instead of
/// YARP's bare 502 or 504: the caller should retry shortly, and nothing was done. A destination
/// that answered something broken (bad headers, a body cut off) keeps YARP's own status.
/// </summary>
public static class ServiceUnavailable
{
    public const int RetryAfterSeconds = 5;

    /// <summary>The proxy pipeline: YARP's default steps, then the 503 for an unreachable service.</summary>
    public static void Pipeline(IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature()?.Error is { } error && IsUnreachable(error) && !context.Response.HasStarted)
            {
                await WriteAsync(context);
            }
        });
    }

    // Errors before the destination sent any answer, where the request did not reach a service
    // that could act on it. Client-side failures (a cancelled or broken request body) are not here.
    private static bool IsUnreachable(ForwarderError error) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations;

    private static Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var service = context.GetReverseProxyFeature().Route.Config.ClusterId;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "A service this answer depends on is unavailable.",
            detail: $"The {service} service did not answer. Retry after {RetryAfterSeconds} s.")
            .ExecuteAsync(context);
    }
}
