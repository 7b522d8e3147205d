using System.Collections.Immutable;
using System.Text.Json;
using Samverkan.Coverage.Model;
using Samverkan.Events;
using Samverkan.Storage;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// The one rule for changing an entity of the read model, for all four producers: a change
/// applies only when its sequence is newer than the one that wrote the entity (so a late or
/// repeated event never takes the model back), and it yields the store write that goes with it.
/// </summary>
internal sealed class EntityTables(ReadModelStore store)
{
    public (ModelState State, DocumentWrite? Write) Put(ModelState state, RecordReader.Change change, long sequence) => change.Topic switch
    {
        Topics.Regions => Put(state, s => s.Regions, (s, m) => s.With(regions: m), store.Regions, change.Id, (RegionRecord?)change.Value, sequence),
        Topics.Institutions => Put(state, s => s.Institutions, (s, m) => s.With(institutions: m), store.Institutions, change.Id, (InstitutionRecord?)change.Value, sequence),
        Topics.Forums => Put(state, s => s.Forums, (s, m) => s.With(forums: m, changedForum: change.Id), store.Forums, change.Id, (Forum?)change.Value, sequence),
        Topics.Contacts => Put(state, s => s.Contacts, (s, m) => s.With(contacts: m), store.Contacts, change.Id, (ContactRecord?)change.Value, sequence),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Topic, "Not a topic this service reads."),
    };

    /// <summary>The ids of the topic's entities that exist, with the sequence that wrote each.</summary>
    public IEnumerable<(string Id, long Sequence)> Existing(ModelState state, string topic) => topic switch
    {
        Topics.Regions => Live(state.Regions),
        Topics.Institutions => Live(state.Institutions),
        Topics.Forums => Live(state.Forums),
        Topics.Contacts => Live(state.Contacts),
        _ => [],
    };

    /// <summary>Whether the entity holds exactly this value already (compared as stored JSON), so a snapshot rewrites only what changed.</summary>
    public bool Holds(ModelState state, RecordReader.Change change) => change.Topic switch
    {
        Topics.Regions => Same(state.Regions, change),
        Topics.Institutions => Same(state.Institutions, change),
        Topics.Forums => Same(state.Forums, change),
        Topics.Contacts => Same(state.Contacts, change),
        _ => false,
    };

    private static (ModelState, DocumentWrite?) Put<T>(
        ModelState state, Func<ModelState, ImmutableDictionary<string, Held<T>>> get,
        Func<ModelState, ImmutableDictionary<string, Held<T>>, ModelState> set,
        DocumentCollection<HeldDocument<T>> collection, string id, T? value, long sequence) where T : class
    {
        var map = get(state);
        var current = map.GetValueOrDefault(id);
        if (current is not null && sequence != 0 && current.Sequence >= sequence)
        {
            return (state, null);
        }
        var document = new HeldDocument<T>(id, value, sequence);
        var write = current is null ? collection.Insert(document) : collection.Replace(document, current.StoreVersion);
        // Versions are the store's rule: 1 on insert, one more on every replace.
        var held = new Held<T>(id, value, sequence, current is null ? 1 : current.StoreVersion + 1);
        return (set(state, map.SetItem(id, held)), write);
    }

    private static IEnumerable<(string, long)> Live<T>(ImmutableDictionary<string, Held<T>> map) where T : class =>
        map.Values.Where(held => held.Value is not null).Select(held => (held.Id, held.Sequence));

    private static bool Same<T>(ImmutableDictionary<string, Held<T>> map, RecordReader.Change change) where T : class =>
        map.GetValueOrDefault(change.Id) is { Value: { } value }
        && change.Value is T next
        && JsonSerializer.Serialize(value, StorageJson.Options) == JsonSerializer.Serialize(next, StorageJson.Options);
}
