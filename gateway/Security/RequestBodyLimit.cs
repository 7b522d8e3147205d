using Microsoft.AspNetCore.Http.Features;

namespace Samverkan.Gateway.Security;

/// <summary>
/// Refuses a body that declares a length over Kestrel's limit (<c>Limits:MaxRequestBodyBytes</c>,
/// set in ServiceDefaults) before anything is forwarded. A body sent without a length (chunked)
/// is cut off by Kestrel once it passes the limit, and the proxy then answers 413 itself.
/// </summary>
public static class RequestBodyLimit
{
    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (limit is not null && context.Request.ContentLength > limit)
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The request body is too large.",
                    detail: $"The gateway accepts bodies of at most {limit} bytes.")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }
}
