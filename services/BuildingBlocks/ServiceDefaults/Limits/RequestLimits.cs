using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Samverkan.ServiceDefaults.Limits;

/// <summary>
/// The size limits of a request's line and headers, answered with problem+json. Kestrel refuses
/// what passes its own limits with an empty body before any middleware runs, so Kestrel is given
/// limits <see cref="KestrelHeadroom"/> times larger and these, the ones documented in
/// docs/api.md, are enforced here, first in the pipeline. Only what even passes Kestrel's
/// larger limits (and what Kestrel refuses whatever its limits, such as a NUL in the path) still
/// gets Kestrel's bare 400/414/431.
/// </summary>
public static class RequestLimits
{
    /// <summary>Request line (method, target, version): Kestrel's default, 8 KiB.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>All header lines together: Kestrel's default, 32 KiB.</summary>
    public const int MaxRequestHeadersBytes = 32 * 1024;

    /// <summary>Kestrel's default, 100.</summary>
    public const int MaxRequestHeaderCount = 100;

    /// <summary>How much larger Kestrel's own limits are than these.</summary>
    public const int KestrelHeadroom = 16;

    /// <summary>Gives Kestrel room to let oversized requests reach <see cref="UseRequestLimits"/>.</summary>
    public static void ConfigureKestrel(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = MaxRequestLineBytes * KestrelHeadroom;
        limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes * KestrelHeadroom;
        limits.MaxRequestHeaderCount = MaxRequestHeaderCount * KestrelHeadroom;
    }

    /// <summary>Refuses a request over the documented limits with 414 or 431 problem+json; call first in the pipeline.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Refusal(context) is { } refusal)
            {
                // A client that sends this much is not reading answers carefully: do not keep its
                // connection (HTTP/1.x only; HTTP/2 has no Connection header).
                if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
                {
                    context.Response.Headers.Connection = "close";
                }
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static IResult? Refusal(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{request.PathBase}{request.Path}{request.QueryString}";
        // As Kestrel counts it: "GET /path?query HTTP/1.1\r\n".
        var line = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
        if (line > MaxRequestLineBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "The request line is too long.",
                detail: $"Request lines (method, path and query) are at most {MaxRequestLineBytes.ToString(CultureInfo.InvariantCulture)} bytes.");
        }
        var count = 0;
        long size = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                // "Name: value\r\n"
                size += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }
        if (count > MaxRequestHeaderCount || size > MaxRequestHeadersBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge, title: "The request headers are too large.",
                detail: $"Requests carry at most {MaxRequestHeaderCount.ToString(CultureInfo.InvariantCulture)} headers of at most {MaxRequestHeadersBytes.ToString(CultureInfo.InvariantCulture)} bytes together.");
        }
        return null;
    }
}
