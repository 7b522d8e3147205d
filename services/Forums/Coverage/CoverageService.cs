using Microsoft.Extensions.Options;
using Samverkan.Forums.Model;

namespace Samverkan.Forums.Coverage;

/// <summary>Puts the gathered inputs through the pure calculators: one region, all regions, or a region's reach plan.</summary>
public sealed class CoverageService(CoverageSource source, IOptions<CoverageOptions> coverageOptions)
{
    private readonly CoverageOptions options = coverageOptions.Value;

    public CoverageOptions Options => options;

    /// <summary>The region's coverage on <paramref name="asOf"/>, or null when no region has the id.</summary>
    public async Task<RegionCoverage?> RegionAsync(string regionId, DateOnly asOf, CancellationToken ct)
    {
        var region = await source.RegionAsync(regionId, ct);
        if (region is null)
        {
            return null;
        }
        var forums = await source.ForumsOfRegionAsync(regionId, ct);
        var lookup = await source.ForumLookupAsync(forums, ct);
        var institutions = await source.InstitutionsAsync(region.Members.Select(m => m.InstitutionId), asOf, ct);
        return CoverageCalculator.Compute(region, institutions, forums, lookup, asOf, options.DormantAfterMonths);
    }

    /// <summary>Every region's coverage on <paramref name="asOf"/>, from one read of the forums and one call per other service.</summary>
    public async Task<NationalCoverage> NationalAsync(DateOnly asOf, CancellationToken ct)
    {
        var (regions, forums, institutions) = await AllInputsAsync(asOf, ct);
        var coverages = Compute(regions, forums, institutions, await source.ForumLookupAsync(forums, ct), asOf);
        return National(coverages, forums, asOf);
    }

    public NationalCoverage National(IReadOnlyList<RegionCoverage> coverages, IReadOnlyList<Forum> forums, DateOnly asOf)
    {
        var age = DataAges.Of(forums, asOf, options.DormantAfterMonths);
        var warnings = new List<string>();
        if (DataAges.Warning(age, asOf, options.DormantAfterMonths, "the registry") is { } stale)
        {
            warnings.Add(stale);
        }
        return new NationalCoverage(asOf, options.DormantAfterMonths, coverages.Count(c => c.HasPrimaryForum),
            [.. coverages.Select(CoverageRow.From)], age, warnings);
    }

    /// <summary>The region's reach plan on <paramref name="asOf"/>, or null when no region has the id.</summary>
    public async Task<ReachPlan?> ReachAsync(string regionId, DateOnly asOf, CancellationToken ct)
    {
        var coverage = await RegionAsync(regionId, asOf, ct);
        if (coverage is null)
        {
            return null;
        }
        var activeForums = coverage.Forums.Where(forum => forum.Active && forum.Includes.Count > 0).Select(forum => forum.Id).ToList();
        var institutionIds = coverage.Institutions.Select(institution => institution.Id).ToList();
        if (activeForums.Count + institutionIds.Count == 0)
        {
            // Nothing to reach, so no contact point to judge.
            return ReachPlanner.Plan(coverage, [], contactStaleAfterMonths: 0);
        }
        var contacts = await source.ContactsAsync(activeForums, institutionIds, ct);
        return ReachPlanner.Plan(coverage, contacts.Points, contacts.StaleAfterMonths);
    }

    public async Task<(IReadOnlyList<RegionInput> Regions, List<Forum> Forums, Dictionary<string, InstitutionInfo> Institutions)> AllInputsAsync(
        DateOnly asOf, CancellationToken ct)
    {
        var regions = await source.RegionsAsync(ct);
        var forums = await source.AllForumsAsync(ct);
        var institutions = await source.InstitutionsAsync(regions.SelectMany(r => r.Members).Select(m => m.InstitutionId), asOf, ct);
        return (regions, forums, institutions);
    }

    public IReadOnlyList<RegionCoverage> Compute(
        IReadOnlyList<RegionInput> regions, IReadOnlyList<Forum> forums, IReadOnlyDictionary<string, InstitutionInfo> institutions,
        Func<string, Forum?> lookup, DateOnly asOf)
    {
        var byRegion = forums.SelectMany(forum => forum.RegionIds.Distinct().Select(region => (region, forum)))
            .ToLookup(pair => pair.region, pair => pair.forum, StringComparer.Ordinal);
        return [.. regions.Select(region =>
            CoverageCalculator.Compute(region, institutions, byRegion[region.Id], lookup, asOf, options.DormantAfterMonths))];
    }
}
