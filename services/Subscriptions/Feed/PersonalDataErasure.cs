using System.Text.Json.Nodes;
using Samverkan.Audit.Privacy;
using Samverkan.Contacts.Events;
using Samverkan.Events;
using Samverkan.Storage;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// The feed keeps every change as history, but not a person's data after the contact was
/// erased: when the erasure event arrives, the earlier events of that contact lose their
/// personal fields (the shared <see cref="PersonalData"/> rule) in the same commit that appends
/// the erasure.
/// Events already delivered by webhook cannot be recalled; pending ones are read from the
/// feed at delivery time and go out redacted. The erasure's type is the Contacts service's own
/// constant (<see cref="ContactEvents.Erased"/>, from its linked contract).
/// </summary>
public static class PersonalDataErasure
{
    public static string SubjectTag(string source, string subject) => $"subject:{source}|{subject}";

    /// <summary>Whether <paramref name="cloudEvent"/> redacts earlier events (an erasure).</summary>
    public static bool Redacts(CloudEvent cloudEvent) => cloudEvent.Type == ContactEvents.Erased;

    public static async Task<IReadOnlyList<DocumentWrite>> RedactionsAsync(IDocumentStore store, CloudEvent cloudEvent, CancellationToken ct)
    {
        if (!Redacts(cloudEvent))
        {
            return [];
        }
        var tag = SubjectTag(cloudEvent.Source, cloudEvent.Subject);
        var writes = new List<DocumentWrite>();
        await foreach (var stored in store.QueryAsync(ChangeFeed.Collection, new DocumentQuery(tag), ct))
        {
            var earlier = JsonNode.Parse(stored.Json)!.AsObject();
            if (earlier["data"] is JsonObject data && PersonalData.ContactFields.Any(field => data[field] is not null))
            {
                PersonalData.Remove(data);
                writes.Add(new ReplaceDocument(ChangeFeed.Collection, stored.Id, earlier.ToJsonString(), [tag], stored.Version));
            }
        }
        return writes;
    }
}
