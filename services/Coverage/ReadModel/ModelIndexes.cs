using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Lookups derived from one <see cref="ModelState"/>, built on first use (one pass over the
/// model) and kept with it: forums by region, contact points by forum and by institution.
/// </summary>
public sealed class ModelIndexes
{
    public ModelIndexes(ModelState state)
    {
        Regions = [.. state.Regions.Values.Select(held => held.Value).OfType<RegionRecord>().OrderBy(region => region.Id, StringComparer.Ordinal)];
        Forums = [.. state.Forums.Values.Select(held => held.Value).OfType<Forum>().OrderBy(forum => forum.Id, StringComparer.Ordinal)];
        ForumById = Forums.ToDictionary(forum => forum.Id, StringComparer.Ordinal);
        ForumsByRegion = Forums.SelectMany(forum => forum.RegionIds.Distinct().Select(region => (region, forum)))
            .ToLookup(pair => pair.region, pair => pair.forum, StringComparer.Ordinal);
        Contacts = [.. state.Contacts.Values.Select(held => held.Value).OfType<ContactRecord>().OrderBy(contact => contact.Id, StringComparer.Ordinal)];
        ContactsByForum = Contacts.Where(c => c.ForumId is not null).ToLookup(c => c.ForumId!, StringComparer.Ordinal);
        ContactsByInstitution = Contacts.Where(c => c.InstitutionId is not null).ToLookup(c => c.InstitutionId!, StringComparer.Ordinal);
        Institutions = state.Institutions.Values.Select(held => held.Value).OfType<InstitutionRecord>()
            .ToDictionary(institution => institution.Id, StringComparer.Ordinal);
    }

    /// <summary>The regions in id order (the order the Regions service lists them).</summary>
    public IReadOnlyList<RegionRecord> Regions { get; }

    /// <summary>Every forum in id order (the order the Forums service lists them).</summary>
    public IReadOnlyList<Forum> Forums { get; }

    public IReadOnlyDictionary<string, Forum> ForumById { get; }

    public ILookup<string, Forum> ForumsByRegion { get; }

    public IReadOnlyList<ContactRecord> Contacts { get; }

    public ILookup<string, ContactRecord> ContactsByForum { get; }

    public ILookup<string, ContactRecord> ContactsByInstitution { get; }

    public IReadOnlyDictionary<string, InstitutionRecord> Institutions { get; }

    public RegionRecord? Region(string id) => Regions.FirstOrDefault(region => region.Id == id);

    public Forum? Forum(string id) => ForumById.GetValueOrDefault(id);

    /// <summary>The institutions by id as on <paramref name="asOf"/>: the name valid then, the kind, the day it ended.</summary>
    public Dictionary<string, InstitutionInfo> InstitutionsOn(IEnumerable<string> ids, DateOnly asOf)
    {
        var found = new Dictionary<string, InstitutionInfo>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!found.ContainsKey(id) && Institutions.TryGetValue(id, out var institution))
            {
                var name = institution.NameOn(asOf);
                found[id] = new InstitutionInfo(id, name.Name, name.Abbreviation, institution.Kind, institution.EndedOn());
            }
        }
        return found;
    }
}
