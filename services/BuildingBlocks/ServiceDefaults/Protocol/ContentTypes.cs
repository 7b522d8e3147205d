using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Samverkan.ServiceDefaults.Protocol;

/// <summary>
/// A body in a media type the endpoint does not read is a 415 problem naming the ones it does
/// (docs/api.md, "Content-Type"). Out of the box, routing picks endpoints by Content-Type too
/// (ASP.NET Core's AcceptsMatcherPolicy) and its answer depends on the routes beside the one
/// meant: a bare 415, or a 404 where another route at that path (gRPC's catch-all for unknown
/// methods, <c>POST /{service}/{method}</c>) takes no body. Without that policy an endpoint is
/// chosen by path and method alone, and its body binding refuses the media type (415, turned
/// into this problem by ProblemExceptionHandler). No two endpoints here share a path and method
/// and differ only in what they accept, so nothing relied on the policy.
/// </summary>
public static class ContentTypes
{
    private const string PolicyName = "AcceptsMatcherPolicy";

    /// <summary>
    /// Removes the media-type routing policy once every registration is made: AddRouting (which
    /// AddGrpc, YARP and others call) registers it again each time it finds it missing, so it is
    /// removed as the container is built. The factory is the host's default with its default
    /// checks (scopes and registrations validated in Development).
    /// </summary>
    public static void RouteByPathAndMethod(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.ConfigureContainer(
            new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development }),
            services =>
            {
                foreach (var descriptor in services.Where(IsAcceptsPolicy).ToList())
                {
                    services.Remove(descriptor);
                }
            });
    }

    /// <summary>Fails start-up when the policy is registered after all (another container factory replaced this one).</summary>
    public static void EnsureRoutedByPathAndMethod(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetServices<MatcherPolicy>().Any(policy => policy.GetType().Name == PolicyName))
        {
            throw new InvalidOperationException(
                $"Routing by Content-Type ({PolicyName}) is registered: a wrong Content-Type would answer 404. Another ConfigureContainer replaced the one AddServiceDefaults set.");
        }
    }

    /// <summary>
    /// Refuses a body whose media type the endpoint does not declare (<c>.Accepts</c>, or the
    /// JSON its body parameter implies) with the 415 problem, before the handler runs: handlers
    /// that read their body themselves (JSON Merge Patch) are held to their media type as the
    /// routing policy held them. Call after authorization, so a caller learns its rights first.
    /// </summary>
    public static IApplicationBuilder UseAcceptedContentTypes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
            var hasBody = context.Request.ContentLength > 0
                || (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);
            if (accepted is not { Count: > 0 } || !hasBody || IsAccepted(context.Request.ContentType, accepted))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = UnsupportedProblem(context) });
        });

    // As the JSON body binding reads it: application/json also admits any application/*+json.
    private static bool IsAccepted(string? contentType, IReadOnlyList<string> accepted)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var sent))
        {
            return false;
        }
        return accepted.Any(type => MediaTypeHeaderValue.TryParse(type, out var expected)
            && (sent.IsSubsetOf(expected)
                || (expected.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && sent.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>The 415 problem for a body of <paramref name="context"/>'s media type where the endpoint reads others.</summary>
    public static ProblemDetails UnsupportedProblem(HttpContext context)
    {
        var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
        var expected = accepted is { Count: > 0 } ? string.Join(" or ", accepted) : "application/json";
        var sent = context.Request.ContentType;
        return new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "The body's media type is not supported.",
            Detail = string.IsNullOrEmpty(sent)
                ? $"The request has a body but no Content-Type. Send it as {expected}."
                : $"The body is sent as '{sent}'. Send it as {expected}.",
        };
    }

    private static bool IsAcceptsPolicy(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(MatcherPolicy) && descriptor.ImplementationType?.Name == PolicyName;
}
