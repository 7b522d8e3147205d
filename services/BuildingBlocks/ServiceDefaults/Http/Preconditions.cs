using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Versions on the wire: every resource's version travels as a strong ETag ("3"), and writes
/// honour If-Match. A write without If-Match is accepted (last writer wins only against the
/// version it read a moment before; a race still answers 409).
/// </summary>
public static class Preconditions
{
    public static void SetETag(this HttpContext context, long version) =>
        context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>A 412 problem when If-Match names neither "*" nor the current version; null when the write may go ahead.</summary>
    public static IResult? CheckIfMatch(this HttpContext context, long currentVersion)
    {
        var header = context.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The If-Match header is not valid.",
                detail: "Send the ETag from the last read, e.g. If-Match: \"3\".");
        }
        var current = $"\"{currentVersion.ToString(CultureInfo.InvariantCulture)}\"";
        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || (!tag.IsWeak && tag.Tag == current)))
        {
            return null;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The resource has changed.",
            detail: $"The current version is {currentVersion}. Fetch the resource again and retry.");
    }
}
