using Samverkan.Contacts.Model;
using Samverkan.Events;

namespace Samverkan.Contacts.Events;

/// <summary>
/// The events this service publishes on topic <see cref="Topics.Contacts"/>; the type constants
/// are in the linked contract (<c>ContactEventContract.cs</c>). Data is the whole contact, person
/// and note included: the internal services that receive it are trusted, and Subscriptions
/// filters personal data per subscriber before anything leaves the platform. An erasure
/// announces a tombstone that carries no personal data, and redacts this contact's events
/// still waiting in the outbox with the shared rule (<c>Samverkan.Audit.Privacy.PersonalData.Remove</c>).
/// </summary>
public static partial class ContactEvents
{
    public static OutgoingEvent Announce(string type, Contact contact, long version) =>
        new(type, contact.Id, ContactResponse.From(contact, version));

    public static OutgoingEvent Tombstone(string id) => new(Erased, id, new Tombstone(id));
}
