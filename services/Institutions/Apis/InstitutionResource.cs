using Samverkan.Events;
using Samverkan.Http;
using Samverkan.Institutions.Events;
using Samverkan.Institutions.Model;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Institutions.Apis;

/// <summary>How an institution is written: shown as the API shows it, announced with the event of each action.</summary>
public sealed class InstitutionResource : IWritableResource<Institution>
{
    public const string Merged = "merged";
    public const string Retired = "retired";

    public string Kind => "institution";

    public ValueTask<object> ShowAsync(Versioned<Institution> stored, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(InstitutionResponse.From(stored.Value, stored.Version));

    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<Institution>? after, object? shown) =>
        [InstitutionEvents.Announce(EventType(action), after!.Value, after.Version)];

    public Validation? ValidateStored(Institution value) => InstitutionChanges.ValidateStored(value);

    /// <summary>Institutions are never deleted (they retire); a planned merger is an update of the history.</summary>
    private static string EventType(string action) => action switch
    {
        WriteActions.Created => InstitutionEvents.Created,
        WriteActions.Updated => InstitutionEvents.Updated,
        Merged => InstitutionEvents.Merged,
        Retired => InstitutionEvents.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action on institutions."),
    };
}
