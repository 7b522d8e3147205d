using System.Text.Json.Nodes;
using Samverkan.Contacts.Model;
using Samverkan.Events;

namespace Samverkan.Contacts.Events;

/// <summary>
/// The events this service publishes on topic <see cref="Topics.Contacts"/>. Until the access
/// issue brings visibility rules, data is the contact as the API shows it, person included;
/// an erasure announces a tombstone that carries no personal data.
/// </summary>
public static class ContactEvents
{
    public const string Created = "samverkan.contact.created.v1";
    public const string Updated = "samverkan.contact.updated.v1";
    public const string Verified = "samverkan.contact.verified.v1";
    public const string Erased = "samverkan.contact.erased.v1";

    public static OutgoingEvent Announce(string type, Contact contact, long version) =>
        new(type, contact.Id, ContactResponse.From(contact, version));

    public static OutgoingEvent Tombstone(string id) => new(Erased, id, new Tombstone(id));

    /// <summary>What erasure leaves of an undelivered event's data: the function, attachment and dates, no person.</summary>
    public static void RemovePersonalData(JsonObject data) => data["person"] = null;
}
