using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Samverkan.ServiceDefaults.Json;
using Samverkan.ServiceDefaults.Protocol;

namespace Samverkan.ServiceDefaults.Problems;

/// <summary>
/// Turns failures into RFC 9457 problem details. Malformed JSON, a wrong type and an unknown
/// field all become a 400 naming the field; what other building blocks throw becomes the problem
/// they name (<see cref="IExceptionProblems"/>: storage conflicts become 409 or 412). Nothing is
/// written on these paths, so a rejected request leaves stored data as it was.
/// </summary>
internal sealed class ProblemExceptionHandler(
    IProblemDetailsService problems, IEnumerable<IExceptionProblems> blocks, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FieldProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => ContentTypes.UnsupportedProblem(context),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
            RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this answer depends on is unavailable.",
                Detail = "Retry shortly.",
            },
            _ => blocks.Select(block => block.ProblemFor(context, exception)).FirstOrDefault(found => found is not null),
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FieldProblem(JsonException json)
    {
        var field = JsonFieldName.FromPath(json.Path, (json as JsonFieldException)?.Member);
        var message = json switch
        {
            JsonFieldException own => own.Message,
            _ when json.Message.Contains("could not be mapped", StringComparison.Ordinal) => "This field is not part of the resource.",
            _ when json.Message.StartsWith("Duplicate property", StringComparison.Ordinal) => "This field is sent more than once.",
            _ => "The value is not valid here (wrong type or format).",
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        };
    }
}
