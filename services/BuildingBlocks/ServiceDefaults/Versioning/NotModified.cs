using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Samverkan.ServiceDefaults.Versioning;

/// <summary>
/// Conditional reads (RFC 9110 §13.1.2): a GET or HEAD whose If-None-Match names the ETag the
/// handler set (or is <c>*</c>) answers 304 with no body and the ETag repeated, so a client that
/// polls a resource pays for the body only when it changed. Entity tags compare weakly: a tag
/// sent back as <c>W/"3"</c> (as some caches and proxies weaken tags of compressed bodies)
/// still matches <c>"3"</c>. A header that is not a valid list is ignored, as the RFC allows
/// for a condition the server cannot evaluate: the client gets the whole answer.
/// </summary>
internal static class NotModified
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var result = await next(invocation);
        var context = invocation.HttpContext;
        var header = context.Request.Headers.IfNoneMatch;
        if (header.Count == 0 || StatusOf(result) != StatusCodes.Status200OK
            || !EntityTagHeaderValue.TryParse(context.Response.Headers.ETag.ToString(), out var current))
        {
            return result;
        }
        return Matches(header, current) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : result;
    }

    internal static bool Matches(Microsoft.Extensions.Primitives.StringValues header, EntityTagHeaderValue current)
    {
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            return false;
        }
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    // What a handler answers is an IResult not yet written; a Results<…> union wraps the one chosen.
    private static int? StatusOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        return result switch
        {
            IStatusCodeHttpResult coded => coded.StatusCode ?? StatusCodes.Status200OK,
            IResult => null,
            // A handler that returns a value: ASP.NET Core writes it as 200 JSON.
            _ => StatusCodes.Status200OK,
        };
    }
}
