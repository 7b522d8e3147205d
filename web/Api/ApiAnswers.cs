using System.Net.Http.Headers;

namespace Samverkan.Web.Api;

/// <summary>A resource as read, with the entity tag to send back in If-Match when changing it.</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>
/// An application/problem+json answer (docs/api.md): <see cref="Errors"/> keyed by the field's
/// path as sent (<c>status</c>, <c>person.email</c>), which the forms show next to that field.
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public IReadOnlyList<string> ErrorsFor(string path) =>
        Errors.TryGetValue(path, out var messages) ? messages : [];
}

/// <summary>How a write went: the new entity tag, or the API's problem. 412 means someone else changed it first.</summary>
public sealed record WriteResult(int Status, string? ETag, ApiProblem? Problem)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The version sent is not the current one (412), or the store saw a race (409): read again, never overwrite.</summary>
    public bool ChangedMeanwhile => Status is 412 or 409;
}

/// <summary>The API did not answer as it documents (5xx, unreachable): the page says so instead of guessing.</summary>
public sealed class ApiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The API refused a read as asked (a 4xx other than 404 and 410, e.g. a filter it does not take); its problem says why.</summary>
public sealed class ApiRefusedException(string path, ApiProblem problem) : Exception($"GET {path} answered {problem.Status}: {problem.Title}")
{
    public ApiProblem Problem { get; } = problem;
}

/// <summary>The one rule for entity tags: the API's strong tag is the resource's version in quotes (<c>"3"</c>).</summary>
public static class EntityTags
{
    public static string Of(int version) => $"\"{version}\"";

    public static EntityTagHeaderValue Header(string tag) => new(tag);
}
