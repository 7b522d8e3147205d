using Samverkan.Forums.Coverage;
using Samverkan.Forums.Model;
using Samverkan.Storage;

namespace Samverkan.Forums.Exports;

/// <summary>
/// Everything an export shows, read once: regions, forums, the institutions they name (as named
/// on <see cref="AsOf"/>), contact points (function and attachment only: the Contacts service
/// never sends the person), and the coverage of every region on <see cref="AsOf"/>.
/// </summary>
public sealed record ExportData(
    DateOnly AsOf,
    DateTimeOffset ProducedAt,
    IReadOnlyList<RegionInput> Regions,
    IReadOnlyList<Forum> Forums,
    IReadOnlyDictionary<string, long> Versions,
    IReadOnlyDictionary<string, InstitutionInfo> Institutions,
    IReadOnlyList<ContactPointInput> Contacts,
    IReadOnlyList<RegionCoverage> Coverage,
    NationalCoverage National,
    int DormantAfterMonths)
{
    public Activity ActivityOf(Forum forum) => Dormancy.Assess(forum, AsOf, DormantAfterMonths);

    public string NameOf(string institutionId) => Institutions.TryGetValue(institutionId, out var info) ? info.Name : institutionId;

    public IEnumerable<ContactPointInput> ContactsOf(Forum forum) => Contacts.Where(contact => contact.ForumId == forum.Id);
}

/// <summary>Loads <see cref="ExportData"/> through the same sources as the coverage answers.</summary>
public sealed class ExportLoader(DocumentCollection<Forum> store, CoverageSource source, CoverageService coverage, TimeProvider clock)
{
    public async Task<ExportData> LoadAsync(DateOnly asOf, CancellationToken ct)
    {
        var regions = await source.RegionsAsync(ct);
        var stored = await store.QueryAsync(cancellationToken: ct).ToListAsync(ct);
        var forums = stored.Select(s => s.Value).ToList();
        var ids = regions.SelectMany(region => region.Members.Select(member => member.InstitutionId))
            .Concat(forums.SelectMany(forum => forum.Participants.SelectMany(p => new[] { p.InstitutionId, p.ViaInstitutionId })).OfType<string>());
        var institutions = await source.InstitutionsAsync(ids, asOf, ct);
        var contacts = (await source.ContactsAsync([], [], ct)).Points;
        var coverages = coverage.Compute(regions, forums, institutions, await source.ForumLookupAsync(forums, ct), asOf);
        return new ExportData(asOf, clock.GetUtcNow(), regions, forums,
            stored.ToDictionary(s => s.Value.Id, s => s.Version, StringComparer.Ordinal), institutions, contacts, coverages,
            coverage.National(coverages, forums, asOf), coverage.Options.DormantAfterMonths);
    }
}
