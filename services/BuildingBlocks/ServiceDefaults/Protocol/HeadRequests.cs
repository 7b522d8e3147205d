using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Protocol;

/// <summary>Marks a request that arrived as HEAD and is routed as GET (<see cref="HeadRequests"/>).</summary>
public sealed class HeadRequestFeature;

/// <summary>
/// HEAD wherever GET is (RFC 9110 §9.3.2): minimal APIs map GET alone, so a HEAD would answer
/// 405. Before routing, a HEAD is routed and handled as the GET it stands for, so its status and
/// headers (ETag, Content-Type, Cache-Control, Content-Encoding) are exactly the GET's. Kestrel
/// keeps the method it parsed and sends no body for a HEAD whatever the handler writes, so no
/// answer needs to know it was a HEAD. The method is put back afterwards, so logs and traces
/// show HEAD.
/// </summary>
public static class HeadRequests
{
    /// <summary>Call before <c>UseRouting</c>.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsHead(request.Method))
            {
                await next(context);
                return;
            }
            context.Features.Set(new HeadRequestFeature());
            request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                request.Method = HttpMethods.Head;
            }
        });

    /// <summary>True when the request arrived as HEAD, though it is now handled as GET.</summary>
    public static bool ArrivedAsHead(this HttpContext context) => context.Features.Get<HeadRequestFeature>() is not null;
}
