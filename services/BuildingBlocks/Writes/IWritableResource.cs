using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Events;
using Samverkan.Http;
using Samverkan.Storage;

namespace Samverkan.Writes;

/// <summary>
/// What one kind of resource contributes to <see cref="VersionedWrites{T}"/>: its name, how the
/// API shows it (what the audit trail records before and after), the events that announce its
/// changes, and the rules a write must pass beyond the version check.
/// </summary>
public interface IWritableResource<T> where T : class
{
    /// <summary>The resource's name in the audit trail (and in problems, unless <see cref="Title"/> says otherwise): "institution".</summary>
    string Kind { get; }

    /// <summary>The resource's name in problems ("No such API key."), where it reads otherwise than <see cref="Kind"/>.</summary>
    string Title => Kind;

    /// <summary>The resource as the API shows it; the audit trail records this before and after a change.</summary>
    ValueTask<object> ShowAsync(Versioned<T> stored, CancellationToken cancellationToken);

    /// <summary>
    /// The events announcing a write: <paramref name="action"/> is the audit action ("created",
    /// "updated", …, "deleted"); <paramref name="after"/> is null for a removal. A resource
    /// that publishes no events answers an empty list.
    /// </summary>
    IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<T>? after, object? shown);

    /// <summary>Why this caller may not write the stored resource now (403, 410), or null.</summary>
    ProblemHttpResult? Refusal(HttpContext context, Versioned<T> current) => null;

    /// <summary>What is wrong with the value as it would be stored (bounds a change can exceed), or null.</summary>
    Validation? ValidateStored(T value) => null;
}
