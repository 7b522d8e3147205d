using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Samverkan.ServiceDefaults.Http;

public static class NotFoundProblem
{
    public static NotFound<ProblemDetails> For(string resource, string id) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"No such {resource}.",
        Detail = $"No {resource} has the id '{id}'.",
    });
}
