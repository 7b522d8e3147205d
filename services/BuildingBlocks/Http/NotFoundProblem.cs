using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Samverkan.Http;

public static class NotFoundProblem
{
    /// <summary>A 404 as application/problem+json (TypedResults.NotFound(value) would answer plain JSON).</summary>
    public static ProblemHttpResult For(string resource, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"No such {resource}.",
        detail: $"No {resource} has the id '{id}'.");
}
