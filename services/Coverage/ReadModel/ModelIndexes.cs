using System.Collections.Immutable;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Lookups derived from one <see cref="ModelState"/>, each group built on first use and handed on
/// to the next state while the part of the model it derives from is unchanged: a recorded meeting
/// rebuilds the forum lookups, never the contact points' (100,000 of them at national scale).
/// </summary>
public sealed class ModelIndexes
{
    private readonly Lazy<IReadOnlyList<RegionRecord>> _regions;
    private readonly Lazy<ForumLookups> _forums;
    private readonly Lazy<ContactLookups> _contacts;
    private readonly ModelState _state;

    private ModelIndexes(ModelState state, Lazy<IReadOnlyList<RegionRecord>> regions, Lazy<ForumLookups> forums, Lazy<ContactLookups> contacts)
    {
        _state = state;
        _regions = regions;
        _forums = forums;
        _contacts = contacts;
    }

    /// <summary>The lookups of <paramref name="state"/>, taking over what <paramref name="previous"/> built where the part is unchanged.</summary>
    /// <param name="state">The new state.</param>
    /// <param name="previous">The state it replaces, if any.</param>
    /// <param name="changedForum">The one forum that differs from <paramref name="previous"/>, when only one does: its region lookup is then updated, not rebuilt.</param>
    public static ModelIndexes For(ModelState state, ModelState? previous, string? changedForum = null)
    {
        var before = previous?.Indexes;
        return new ModelIndexes(
            state,
            before is not null && ReferenceEquals(previous!.Regions, state.Regions) ? before._regions : RegionsOf(state.Regions),
            before is null ? ForumsOf(state.Forums)
                : ReferenceEquals(previous!.Forums, state.Forums) ? before._forums
                : changedForum is not null && before._forums.IsValueCreated ? ForumsOf(before._forums.Value, state.Forums, changedForum)
                : ForumsOf(state.Forums),
            before is not null && ReferenceEquals(previous!.Contacts, state.Contacts) ? before._contacts : ContactsOf(state.Contacts));
    }

    // Each lookup is made by a method of its own, so its lambda captures only the map it derives
    // from: lambdas of one method share one closure, and a closure holding the previous state's
    // unbuilt lookup would chain every state since the last read (each with its own map version).
    private static Lazy<IReadOnlyList<RegionRecord>> RegionsOf(ImmutableDictionary<string, Held<RegionRecord>> regions) =>
        new(() => [.. Values(regions).OrderBy(region => region.Id, StringComparer.Ordinal)]);

    private static Lazy<ForumLookups> ForumsOf(ImmutableDictionary<string, Held<Forum>> forums) => new(() => ForumLookups.Build(forums));

    private static Lazy<ForumLookups> ForumsOf(ForumLookups built, ImmutableDictionary<string, Held<Forum>> forums, string changedForum) =>
        new(() => built.With(forums, changedForum));

    private static Lazy<ContactLookups> ContactsOf(ImmutableDictionary<string, Held<ContactRecord>> contacts) => new(() => new ContactLookups(contacts));

    /// <summary>The regions in id order (the order the Regions service lists them).</summary>
    public IReadOnlyList<RegionRecord> Regions => _regions.Value;

    /// <summary>Every forum in id order (the order the Forums service lists them).</summary>
    public IReadOnlyList<Forum> Forums => _forums.Value.All.Value;

    /// <summary>The forums that name the region among their <c>regionIds</c>, in id order.</summary>
    public IEnumerable<Forum> ForumsOf(string regionId) =>
        _forums.Value.ByRegion.GetValueOrDefault(regionId)?.Values ?? Enumerable.Empty<Forum>();

    public IReadOnlyList<ContactRecord> Contacts => _contacts.Value.All.Value;

    public ILookup<string, ContactRecord> ContactsByForum => _contacts.Value.ByForum;

    public ILookup<string, ContactRecord> ContactsByInstitution => _contacts.Value.ByInstitution;

    public int InstitutionCount => _state.Institutions.Count(held => held.Value.Value is not null);

    public RegionRecord? Region(string id) => _state.Regions.GetValueOrDefault(id)?.Value;

    public Forum? Forum(string id) => _state.Forums.GetValueOrDefault(id)?.Value;

    /// <summary>The institutions by id as on <paramref name="asOf"/>: the name valid then, the kind, the day it ended.</summary>
    public Dictionary<string, InstitutionInfo> InstitutionsOn(IEnumerable<string> ids, DateOnly asOf)
    {
        var found = new Dictionary<string, InstitutionInfo>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!found.ContainsKey(id) && _state.Institutions.GetValueOrDefault(id)?.Value is { } institution)
            {
                var name = institution.NameOn(asOf);
                found[id] = new InstitutionInfo(id, name.Name, name.Abbreviation, institution.Kind, institution.EndedOn());
            }
        }
        return found;
    }

    private static IEnumerable<T> Values<T>(IEnumerable<KeyValuePair<string, Held<T>>> map) where T : class =>
        map.Select(pair => pair.Value.Value).OfType<T>();

    /// <summary>Forums by region, kept as immutable maps so one forum's change costs a few nodes, not a pass over every forum.</summary>
    private sealed class ForumLookups(
        ImmutableDictionary<string, Held<Forum>> forums, ImmutableDictionary<string, ImmutableSortedDictionary<string, Forum>> byRegion)
    {
        public ImmutableDictionary<string, ImmutableSortedDictionary<string, Forum>> ByRegion { get; } = byRegion;

        /// <summary>Sorted only when an export asks.</summary>
        public Lazy<IReadOnlyList<Forum>> All { get; } = new(() => [.. Values(forums).OrderBy(forum => forum.Id, StringComparer.Ordinal)]);

        public static ForumLookups Build(ImmutableDictionary<string, Held<Forum>> forums) => new(forums,
            Values(forums).SelectMany(forum => forum.RegionIds.Distinct().Select(region => (region, forum)))
                .GroupBy(pair => pair.region, StringComparer.Ordinal)
                .ToImmutableDictionary(group => group.Key, group => group.ToImmutableSortedDictionary(p => p.forum.Id, p => p.forum, StringComparer.Ordinal), StringComparer.Ordinal));

        /// <summary>These lookups with <paramref name="id"/> as it is in <paramref name="next"/> (changed, added or removed).</summary>
        public ForumLookups With(ImmutableDictionary<string, Held<Forum>> next, string id)
        {
            var byRegion = ByRegion;
            foreach (var (region, forums) in byRegion.Where(pair => pair.Value.ContainsKey(id)).ToList())
            {
                byRegion = byRegion.SetItem(region, forums.Remove(id));
            }
            if (next.GetValueOrDefault(id)?.Value is { } forum)
            {
                foreach (var region in forum.RegionIds.Distinct())
                {
                    var forums = byRegion.GetValueOrDefault(region) ?? ImmutableSortedDictionary.Create<string, Forum>(StringComparer.Ordinal);
                    byRegion = byRegion.SetItem(region, forums.SetItem(id, forum));
                }
            }
            return new ForumLookups(next, byRegion);
        }
    }

    private sealed class ContactLookups(ImmutableDictionary<string, Held<ContactRecord>> contacts)
    {
        public ILookup<string, ContactRecord> ByForum { get; } =
            Values(contacts).Where(c => c.ForumId is not null).ToLookup(c => c.ForumId!, StringComparer.Ordinal);

        public ILookup<string, ContactRecord> ByInstitution { get; } =
            Values(contacts).Where(c => c.InstitutionId is not null).ToLookup(c => c.InstitutionId!, StringComparer.Ordinal);

        public Lazy<IReadOnlyList<ContactRecord>> All { get; } = new(() => [.. Values(contacts).OrderBy(c => c.Id, StringComparer.Ordinal)]);
    }
}
