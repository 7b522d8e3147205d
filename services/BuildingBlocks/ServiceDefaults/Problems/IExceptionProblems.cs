using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Samverkan.ServiceDefaults.Problems;

/// <summary>
/// Names the problem an exception of a building block stands for, so the exception handler can
/// answer it without depending on that block (storage conflicts: Samverkan.Storage.Hosting).
/// </summary>
public interface IExceptionProblems
{
    /// <summary>The problem <paramref name="exception"/> means, or null when it is not this block's.</summary>
    ProblemDetails? ProblemFor(HttpContext context, Exception exception);
}
