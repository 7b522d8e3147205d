using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Samverkan.ServiceDefaults.Problems;

namespace Samverkan.Storage.Hosting;

/// <summary>Storage conflicts as problems: a concurrent write is 409 (412 under If-Match), a taken id 409.</summary>
internal sealed class StorageProblems : IExceptionProblems
{
    public ProblemDetails? ProblemFor(HttpContext context, Exception exception) => exception switch
    {
        ConcurrencyConflictException => Conflict(context),
        DuplicateDocumentException duplicate => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The resource already exists.",
            Detail = $"An entry with id '{duplicate.Id}' already exists.",
        },
        _ => null,
    };

    private static ProblemDetails Conflict(HttpContext context) =>
        context.Request.Headers.IfMatch.Count > 0
            ? new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "The resource has changed.",
                Detail = "The If-Match version is not the current one. Fetch the resource again and retry.",
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The resource was changed concurrently.",
                Detail = "Another write landed first. Fetch the resource again and retry.",
            };
}
