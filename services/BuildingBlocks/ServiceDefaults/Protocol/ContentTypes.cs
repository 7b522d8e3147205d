using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Removes the media-type routing policy; <see cref="EnsureRoutedByPathAndMethod"/> checks it stayed removed.</summary>
    public static IServiceCollection RouteByPathAndMethod(this IServiceCollection services)
    {
        // Registered now, so a later AddRouting has nothing left to add.
        services.AddRouting();
        foreach (var descriptor in services.Where(IsAcceptsPolicy).ToList())
        {
            services.Remove(descriptor);
        }
        return services;
    }

    /// <summary>Fails start-up when something registered the policy again after <see cref="RouteByPathAndMethod"/>.</summary>
    public static void EnsureRoutedByPathAndMethod(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetServices<MatcherPolicy>().Any(policy => policy.GetType().Name == PolicyName))
        {
            throw new InvalidOperationException(
                $"Routing by Content-Type ({PolicyName}) is registered again: a wrong Content-Type would answer 404. Call AddServiceDefaults after what registers routing.");
        }
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
