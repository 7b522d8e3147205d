using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverkan.ServiceDefaults.Problems;

/// <summary>
/// Every problem body has <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>instance</c> (the path asked for) and <c>traceId</c>, whoever made it: a handler, the
/// exception handler, UseStatusCodePages for a bare status (an unknown path, a 405), the
/// gateway's own refusals (413, 429, 401). ASP.NET Core fills <c>type</c> and <c>title</c> for
/// the common statuses and adds <c>traceId</c>; the rest is filled here, where every problem
/// written through <see cref="IProblemDetailsService"/> passes.
/// </summary>
internal static class ProblemDefaults
{
    // The statuses ASP.NET Core gives no type; RFC 9457 asks for a URI that explains the status.
    private static readonly Dictionary<int, (string Type, string Title)> Unnamed = new()
    {
        [StatusCodes.Status410Gone] = ("https://tools.ietf.org/html/rfc9110#section-15.5.11", "Gone"),
        [StatusCodes.Status413PayloadTooLarge] = ("https://tools.ietf.org/html/rfc9110#section-15.5.14", "Content Too Large"),
        [StatusCodes.Status414UriTooLong] = ("https://tools.ietf.org/html/rfc9110#section-15.5.15", "URI Too Long"),
        [StatusCodes.Status429TooManyRequests] = ("https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests"),
        [StatusCodes.Status431RequestHeaderFieldsTooLarge] = ("https://tools.ietf.org/html/rfc6585#section-5", "Request Header Fields Too Large"),
    };

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        if (Unnamed.TryGetValue(status, out var named))
        {
            problem.Type ??= named.Type;
            problem.Title ??= named.Title;
        }
        problem.Type ??= "about:blank";
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        // The path as the caller sent it (through the gateway, the same path), never the query:
        // it may hold search text.
        problem.Instance ??= $"{http.Request.PathBase}{http.Request.Path}";
        problem.Detail ??= DetailFor(http, status, problem.Title);
    }

    // The problems made from a bare status: say what the status means for this request.
    private static string DetailFor(HttpContext context, int status, string title) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing is found at {context.Request.Path}. The API's paths start with /api/.",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed here; the Allow header names the methods that are.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        StatusCodes.Status401Unauthorized => "Send a bearer token or an API key.",
        StatusCodes.Status403Forbidden => "The caller is not allowed to do this.",
        _ => title.EndsWith('.') ? title : $"{title}.",
    };
}
