using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Contacts.Events;
using Samverkan.Contacts.Model;
using Samverkan.Events;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// How a contact is written: audited whole (the audit trail masks personal data), announced with
/// the event of each action, and refused for an erased contact (410) before one the caller's
/// organisation does not own (403).
/// </summary>
internal sealed class ContactResource(ILoggerFactory loggers) : IWritableResource<Contact>
{
    public const string Verified = "verified";
    public const string Erased = "erased";

    public string Kind => "contact";

    /// <summary>An erased contact is recorded as its tombstone (the API answers 410 for it), so the audit keeps when it went.</summary>
    public ValueTask<object> ShowAsync(Versioned<Contact> stored, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(stored.Value.ErasedOn is null ? ContactResponse.From(stored.Value, stored.Version) : stored.Value);

    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<Contact>? after, object? shown) => action switch
    {
        Erased => [ContactEvents.Tombstone(id)],
        _ => [ContactEvents.Announce(EventType(action), after!.Value, after.Version)],
    };

    public ProblemHttpResult? Refusal(HttpContext context, Versioned<Contact> current)
    {
        if (ContactAccess.Gone(current.Value) is { } gone)
        {
            return gone;
        }
        if (ContactAccess.Refusal(context.Caller(), current.Value.OwnerInstitutionId) is { } refused)
        {
            ContactsLog.Refused(loggers.CreateLogger(typeof(ContactsApi)), current.Value.Id, current.Value.OwnerInstitutionId);
            return refused;
        }
        return null;
    }

    private static string EventType(string action) => action switch
    {
        WriteActions.Created => ContactEvents.Created,
        WriteActions.Updated => ContactEvents.Updated,
        Verified => ContactEvents.Verified,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action on contacts."),
    };
}
