using System.Collections.Concurrent;
using System.Text.Json;
using Samverkan.Contacts.Events;
using Samverkan.Coverage.Model;
using Samverkan.Events;
using Samverkan.Forums.Events;
using Samverkan.Storage;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Reads a producer's event data (the same JSON its snapshot sends) into this service's records.
/// Fields not named in the records are skipped, so a producer adding a field breaks nothing; a
/// contact's person and note are never read.
/// </summary>
public static class RecordReader
{
    /// <summary>What one event or snapshot item says about one entity: its id and new value, null for a removal.</summary>
    public sealed record Change(string Topic, string Id, object? Value);

    public static Change Read(string topic, string type, JsonElement data) => topic switch
    {
        Topics.Regions => Of(topic, Region(data)),
        Topics.Institutions => Of(topic, Institution(data)),
        Topics.Forums when type == ForumEvents.Deleted => new Change(topic, Id(data), null),
        Topics.Forums => Of(topic, Pooled(Deserialize<Forum>(data))),
        Topics.Contacts when type == ContactEvents.Erased => new Change(topic, Id(data), null),
        Topics.Contacts => Of(topic, Pooled(Deserialize<ContactRecord>(data))),
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a topic this service reads."),
    };

    /// <summary>A snapshot item: always a resource that exists.</summary>
    public static Change ReadSnapshotItem(string topic, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(topic, type: "", document.RootElement);
    }

    /// <summary>
    /// Ids and kinds repeat across the model (every contact names its forum, every participant an
    /// institution): one string per distinct value, so 100,000 contact points do not hold 100,000
    /// copies of "function". Only ids and kinds, which are bounded by the registry's size; free text is not pooled.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Strings = new(StringComparer.Ordinal);

    private static string? Pool(string? text) => text is null ? null : Strings.GetOrAdd(text, text);

    private static ContactRecord Pooled(ContactRecord contact) => contact with
    {
        Kind = Pool(contact.Kind)!,
        ForumId = Pool(contact.ForumId),
        InstitutionId = Pool(contact.InstitutionId),
        OwnerInstitutionId = Pool(contact.OwnerInstitutionId),
    };

    private static Forum Pooled(Forum forum) => forum with
    {
        RegionIds = [.. forum.RegionIds.Select(id => Pool(id)!)],
        ParentId = Pool(forum.ParentId),
        Participants = [.. forum.Participants.Select(p => p with
        {
            InstitutionId = Pool(p.InstitutionId)!, ViaForumId = Pool(p.ViaForumId), ViaInstitutionId = Pool(p.ViaInstitutionId),
        })],
    };

    private static RegionRecord Region(JsonElement data)
    {
        var region = Deserialize<RegionRecord>(data);
        return region with { Members = region.Members ?? [] };
    }

    private static InstitutionRecord Institution(JsonElement data)
    {
        var institution = Deserialize<InstitutionRecord>(data);
        return institution with { Names = institution.Names ?? [], Lifecycle = institution.Lifecycle ?? [] };
    }

    private static Change Of(string topic, RegionRecord region) => new(topic, region.Id, region);

    private static Change Of(string topic, InstitutionRecord institution) => new(topic, institution.Id, institution);

    private static Change Of(string topic, Forum forum) => new(topic, forum.Id, forum);

    private static Change Of(string topic, ContactRecord contact) => new(topic, contact.Id, contact);

    private static string Id(JsonElement data) =>
        data.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } text ? text : throw new JsonException("The event's data has no id.");

    private static T Deserialize<T>(JsonElement data) where T : class =>
        data.Deserialize<T>(StorageJson.Options) ?? throw new JsonException($"The event carries no {typeof(T).Name}.");
}
