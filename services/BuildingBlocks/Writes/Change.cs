using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Storage;

namespace Samverkan.Writes;

/// <summary>
/// What a write decided after reading the current version: store <see cref="Value"/> as the
/// change named <see cref="Action"/>, record an action beside the resource (<see cref="Recorded"/>),
/// change nothing, or answer a problem instead.
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
    public Action<JsonObject>? Redact { get; private set; }

    /// <summary>Set when the writes must commit together with others the caller assembles (and retries).</summary>
    public Func<IReadOnlyList<DocumentWrite>, CancellationToken, Task>? Commit { get; private set; }

    /// <summary>True when the audit record shows <see cref="ShownBefore"/> and <see cref="ShownAfter"/> instead of the resource's own view.</summary>
    public bool Shows { get; private set; }

    public object? ShownBefore { get; private set; }

    public object? ShownAfter { get; private set; }

    /// <summary>True for <see cref="Recorded"/>: the resource stays as stored and only the audit record (with the caller's writes) commits.</summary>
    public bool IsRecordOnly => Action is not null && Value is null;

    public static Change<T> To(string action, T value) => new(action, value, null);

    /// <summary>
    /// The resource stays as stored, its version too; the audit record of <paramref name="action"/>
    /// shows <paramref name="before"/> and <paramref name="after"/> (what changed beside it) and
    /// commits with the caller's writes (<see cref="CommittedBy"/>). The version is checked as read
    /// (If-Match), not again at the commit: the caller's own writes carry the checks they need.
    /// </summary>
    public static Change<T> Recorded(string action, object? before, object? after) =>
        new Change<T>(action, null, null).Showing(before, after);

    public Change<T> Erasing(Action<JsonObject> redact)
    {
        var copy = Copy();
        copy.Redact = redact;
        return copy;
    }

    public Change<T> CommittedBy(Func<IReadOnlyList<DocumentWrite>, CancellationToken, Task> commit)
    {
        var copy = Copy();
        copy.Commit = commit;
        return copy;
    }

    /// <summary>The audit record shows these (e.g. with state kept beside the resource) instead of the resource's own view.</summary>
    public Change<T> Showing(object? before, object? after)
    {
        var copy = Copy();
        (copy.Shows, copy.ShownBefore, copy.ShownAfter) = (true, before, after);
        return copy;
    }

    public static implicit operator Change<T>(ValidationProblem invalid) => new(null, null, invalid);

    public static implicit operator Change<T>(ProblemHttpResult refused) => new(null, null, refused);

    private Change<T> Copy() =>
        new(Action, Value, Refusal) { Redact = Redact, Commit = Commit, Shows = Shows, ShownBefore = ShownBefore, ShownAfter = ShownAfter };
}

/// <summary>Shorthand that infers <c>T</c>.</summary>
public static class Change
{
    public static Change<T> To<T>(string action, T value) where T : class => Change<T>.To(action, value);
}
