using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Storage;

namespace Samverkan.Writes;

/// <summary>
/// What a write decided after reading the current version: store <see cref="Value"/> as the
/// change named <see cref="Action"/>, change nothing, or answer a problem instead.
/// </summary>
public sealed class Change<T> where T : class
{
    private Change(string? action, T? value, IResult? refusal)
    {
        Action = action;
        Value = value;
        Refusal = refusal;
    }

    /// <summary>Nothing to store: the write answers the current version (an idempotent repeat).</summary>
    public static Change<T> None { get; } = new(null, null, null);

    public string? Action { get; }

    public T? Value { get; }

    /// <summary>The 400 or 409 that answers instead of a change.</summary>
    public IResult? Refusal { get; }

    /// <summary>Set for an erasure: applied to the data of the subject's events still waiting in the outbox.</summary>
    public Action<JsonObject>? Redact { get; private init; }

    /// <summary>Set when the writes must commit together with others the caller assembles (and retries).</summary>
    public Func<IReadOnlyList<DocumentWrite>, CancellationToken, Task>? Commit { get; private init; }

    public static Change<T> To(string action, T value) => new(action, value, null);

    public Change<T> Erasing(Action<JsonObject> redact) => new(Action, Value, Refusal) { Redact = redact, Commit = Commit };

    public Change<T> CommittedBy(Func<IReadOnlyList<DocumentWrite>, CancellationToken, Task> commit) =>
        new(Action, Value, Refusal) { Redact = Redact, Commit = commit };

    public static implicit operator Change<T>(ValidationProblem invalid) => new(null, null, invalid);

    public static implicit operator Change<T>(ProblemHttpResult refused) => new(null, null, refused);
}

/// <summary>Shorthand that infers <c>T</c>.</summary>
public static class Change
{
    public static Change<T> To<T>(string action, T value) where T : class => Change<T>.To(action, value);
}
