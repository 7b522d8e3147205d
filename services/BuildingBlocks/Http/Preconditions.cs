using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Samverkan.Http;

/// <summary>
/// Versions on the wire: every resource's version travels as a strong ETag ("3"), and writes
/// honour If-Match. A write without If-Match is accepted (last writer wins only against the
/// version it read a moment before; a race still answers 409).
/// </summary>
public static class Preconditions
{
    public static void SetETag(this HttpContext context, long version) =>
        context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\"").ToString();

    /// <summary>
    /// A 400 problem when If-Match is not "*" or a list of entity tags (RFC 9110 §13.1.1), a 412
    /// when it names neither "*" nor the current version; null when the write may go ahead.
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(this HttpContext context, long currentVersion)
    {
        var header = context.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }
        // The whole header must be "*" alone or a list of entity tags: the lenient parser skips
        // what it cannot read, so "\"1\", junk" would pass where "junk" alone does not.
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0
            || (tags.Count > 1 && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any))))
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
