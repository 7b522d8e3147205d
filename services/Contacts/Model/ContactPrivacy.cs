using System.Text.Json;
using Samverkan.Audit.Privacy;
using Samverkan.Storage;

namespace Samverkan.Contacts.Model;

/// <summary>
/// The shared personal-data rule (<see cref="PersonalData"/>) applied to this service's typed
/// records. The record goes through JSON and <see cref="PersonalData.Remove"/> rather than naming
/// the fields again here, so the API, tombstones, the outbox and the audit trail cannot disagree
/// about what is personal.
/// </summary>
public static class ContactPrivacy
{
    /// <summary>The same record with every personal field null.</summary>
    public static T WithoutPersonalData<T>(T value) where T : class
    {
        var node = JsonSerializer.SerializeToNode(value, StorageJson.Options)!.AsObject();
        PersonalData.Remove(node);
        return node.Deserialize<T>(StorageJson.Options)!;
    }

    /// <summary>What erasure leaves of a contact: everything but the personal fields, and the date it happened.</summary>
    public static Contact Tombstone(Contact contact, DateOnly erasedOn) => WithoutPersonalData(contact) with { ErasedOn = erasedOn };
}
