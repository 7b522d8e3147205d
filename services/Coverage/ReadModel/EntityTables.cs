using System.Collections.Immutable;
using System.Text.Json;
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
    public (ModelState State, DocumentWrite? Write) Put(ModelState state, RecordReader.Change change, long sequence)
    {
        var (next, writes) = PutAll(state, change.Topic, [change], sequence);
        return (next, writes.Count == 0 ? null : writes[0]);
    }

    /// <summary>
    /// Several changes of one topic at one sequence (a snapshot's part) as one new state: the map is
    /// changed through a builder, not once per entity, so a snapshot of a million contacts does
    /// not leave a million states and their map versions behind for the collector.
    /// </summary>
    public (ModelState State, IReadOnlyList<DocumentWrite> Writes) PutAll(ModelState state, string topic, IReadOnlyList<RecordReader.Change> changes, long sequence) => topic switch
    {
        Topics.Regions => PutAll(state, s => s.Regions, (s, m) => s.With(regions: m), store.Regions, changes, sequence),
        Topics.Institutions => PutAll(state, s => s.Institutions, (s, m) => s.With(institutions: m), store.Institutions, changes, sequence),
        // One changed forum updates the region lookup in place; more rebuild it.
        Topics.Forums => PutAll(state, s => s.Forums, (s, m) => s.With(forums: m, changedForum: changes.Count == 1 ? changes[0].Id : null), store.Forums, changes, sequence),
        Topics.Contacts => PutAll(state, s => s.Contacts, (s, m) => s.With(contacts: m), store.Contacts, changes, sequence),
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a topic this service reads."),
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

    private static (ModelState, IReadOnlyList<DocumentWrite>) PutAll<T>(
        ModelState state, Func<ModelState, ImmutableDictionary<string, Held<T>>> get,
        Func<ModelState, ImmutableDictionary<string, Held<T>>, ModelState> set,
        DocumentCollection<HeldDocument<T>> collection, IReadOnlyList<RecordReader.Change> changes, long sequence) where T : class
    {
        var map = get(state).ToBuilder();
        var writes = new List<DocumentWrite>(changes.Count);
        foreach (var change in changes)
        {
            var current = map.GetValueOrDefault(change.Id);
            if (current is not null && sequence != 0 && current.Sequence >= sequence)
            {
                continue;
            }
            var value = (T?)change.Value;
            var document = new HeldDocument<T>(change.Id, value, sequence);
            writes.Add(current is null ? collection.Insert(document) : collection.Replace(document, current.StoreVersion));
            // Versions are the store's rule: 1 on insert, one more on every replace.
            map[change.Id] = new Held<T>(change.Id, value, sequence, current is null ? 1 : current.StoreVersion + 1);
        }
        return writes.Count == 0 ? (state, writes) : (set(state, map.ToImmutable()), writes);
    }

    private static IEnumerable<(string, long)> Live<T>(ImmutableDictionary<string, Held<T>> map) where T : class =>
        map.Values.Where(held => held.Value is not null).Select(held => (held.Id, held.Sequence));

    private static bool Same<T>(ImmutableDictionary<string, Held<T>> map, RecordReader.Change change) where T : class =>
        map.GetValueOrDefault(change.Id) is { Value: { } value }
        && change.Value is T next
        && JsonSerializer.Serialize(value, StorageJson.Options) == JsonSerializer.Serialize(next, StorageJson.Options);
}
