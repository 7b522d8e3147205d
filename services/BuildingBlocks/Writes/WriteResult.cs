using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Storage;

namespace Samverkan.Writes;

/// <summary>
/// The outcome of a versioned write: the version now stored, or the problem that answered
/// instead (404, 403, 410, 412, 400, 409), already in its final form.
/// </summary>
public sealed class WriteResult<T> where T : class
{
    private WriteResult(Versioned<T>? stored, IResult? problem)
    {
        Stored = stored;
        Problem = problem;
    }

    public Versioned<T>? Stored { get; }

    public IResult? Problem { get; }

    internal static WriteResult<T> Written(Versioned<T> stored) => new(stored, null);

    internal static WriteResult<T> Refused(IResult problem) => new(null, problem);

    /// <summary>The typed answer: <paramref name="respond"/> for the stored version, else the problem.</summary>
    public Results<TOk, ProblemHttpResult, ValidationProblem> Answer<TOk>(Func<Versioned<T>, TOk> respond) where TOk : IResult =>
        Problem switch
        {
            null => respond(Stored!),
            ValidationProblem invalid => invalid,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException($"A write answered {Problem.GetType().Name}, which is not a problem."),
        };

    /// <summary>As <see cref="Answer{TOk}(Func{Versioned{T}, TOk})"/>, for answers that need a lookup first.</summary>
    public async Task<Results<TOk, ProblemHttpResult, ValidationProblem>> AnswerAsync<TOk>(Func<Versioned<T>, Task<TOk>> respond) where TOk : IResult =>
        Problem is null ? await respond(Stored!) : Answer<TOk>(_ => throw new InvalidOperationException());
}
