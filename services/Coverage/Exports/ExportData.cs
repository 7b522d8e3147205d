using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;
using Samverkan.Coverage.ReadModel;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// Everything an export shows, read once: regions, forums, the institutions they name (as named
/// on <see cref="AsOf"/>), contact points (function and attachment only: the read model never
/// holds the person), and the coverage of every region on <see cref="AsOf"/>.
/// </summary>
public sealed record ExportData(
    DateOnly AsOf,
    DateTimeOffset ProducedAt,
    IReadOnlyList<RegionInput> Regions,
    IReadOnlyList<Forum> Forums,
    IReadOnlyDictionary<string, InstitutionInfo> Institutions,
    IReadOnlyList<ContactRecord> Contacts,
    IReadOnlyList<RegionCoverage> Coverage,
    NationalCoverage National,
    int DormantAfterMonths,
    Func<string, Forum?> ForumById)
{
    public Activity ActivityOf(Forum forum) => Dormancy.Assess(forum, AsOf, DormantAfterMonths, ForumById);

    public string NameOf(string institutionId) => Institutions.TryGetValue(institutionId, out var info) ? info.Name : institutionId;

    public IEnumerable<ContactRecord> ContactsOf(Forum forum) =>
        (_contactsByForum ??= Contacts.Where(contact => contact.ForumId is not null).ToLookup(contact => contact.ForumId!, StringComparer.Ordinal))[forum.Id];

    // Built on the first look: every body's row asks, and a registry far larger than the nation's has many.
    private ILookup<string, ContactRecord>? _contactsByForum;
}

/// <summary>Gathers <see cref="ExportData"/> from one state of the read model, as the coverage answers do.</summary>
public sealed class ExportLoader(CoverageReadModel model, CoverageService coverage, TimeProvider clock)
{
    public ExportData Load(DateOnly asOf)
    {
        var state = model.Current;
        var indexes = state.Indexes;
        var regions = indexes.Regions.Select(region => new RegionInput(region.Id, region.Name, region.OrdinanceName,
            [.. region.Members.Where(member => member.ValidOn(asOf)).Select(member => new MemberInput(member.InstitutionId, member.Partial, member.Note))])).ToList();
        var forums = indexes.Forums;
        var ids = regions.SelectMany(region => region.Members.Select(member => member.InstitutionId))
            .Concat(forums.SelectMany(forum => forum.Participants.SelectMany(p => new[] { p.InstitutionId, p.ViaInstitutionId })).OfType<string>());
        var coverages = coverage.Regions(state, asOf);
        return new ExportData(asOf, clock.GetUtcNow(), regions, forums, indexes.InstitutionsOn(ids, asOf), indexes.Contacts,
            coverages, coverage.National(state, asOf), coverage.Options.DormantAfterMonths, indexes.Forum);
    }
}
