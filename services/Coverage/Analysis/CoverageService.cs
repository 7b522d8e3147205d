using Microsoft.Extensions.Options;
using Samverkan.Coverage.Model;
using Samverkan.Coverage.ReadModel;

namespace Samverkan.Coverage.Analysis;

/// <summary>
/// Puts the read model through the pure calculators: one region, all regions, or a region's
/// reach plan, on a date. Every answer is computed from one <see cref="ModelState"/> and cached on
/// it, so repeated questions cost a lookup until the next change.
/// </summary>
public sealed class CoverageService(CoverageReadModel model, IOptions<CoverageOptions> coverageOptions)
{
    private readonly CoverageOptions options = coverageOptions.Value;

    public CoverageOptions Options => options;

    /// <summary>The state every answer of one request is computed from.</summary>
    public ModelState Current => model.Current;

    /// <summary>
    /// The region's coverage on <paramref name="asOf"/> in full, or null when no region has the id;
    /// kept per state and date, since the summary, the overview, the reach plan and the matrix all
    /// derive from it: computing it once per change, not once per question, is both the faster
    /// and the smaller way (a compute allocates several times what the answer holds).
    /// </summary>
    public RegionCoverage? Region(ModelState state, string regionId, DateOnly asOf) =>
        state.Indexes.Region(regionId) is { } region
            ? state.Answer(new AnswerKey("region", regionId, asOf), () => Compute(state, region, asOf))
            : null;

    /// <summary>The region's summary on <paramref name="asOf"/> (without its freshness), kept per state and date.</summary>
    public RegionCoverageSummary? Summary(ModelState state, string regionId, DateOnly asOf) =>
        state.Indexes.Region(regionId) is null ? null
            : state.Answer(new AnswerKey("summary", regionId, asOf), () => RegionCoverageSummary.From(Region(state, regionId, asOf)!));

    /// <summary>Every region's coverage on <paramref name="asOf"/>, in the order the Regions service lists them.</summary>
    public IReadOnlyList<RegionCoverage> Regions(ModelState state, DateOnly asOf) =>
        [.. state.Indexes.Regions.Select(r => Region(state, r.Id, asOf)!)];

    public NationalCoverage National(ModelState state, DateOnly asOf) =>
        state.Answer(new AnswerKey("national", "", asOf), () => National(Regions(state, asOf), state.Indexes.Forums, asOf));

    private NationalCoverage National(IReadOnlyList<RegionCoverage> coverages, IReadOnlyList<Forum> forums, DateOnly asOf)
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
    public ReachPlan? Reach(ModelState state, string regionId, DateOnly asOf)
    {
        if (state.Indexes.Region(regionId) is null)
        {
            return null;
        }
        return state.Answer(new AnswerKey("reach", regionId, asOf), () =>
        {
            var coverage = Region(state, regionId, asOf)!;
            var indexes = state.Indexes;
            var contacts = coverage.Forums.Where(forum => forum.Active && forum.Includes.Count > 0).SelectMany(forum => indexes.ContactsByForum[forum.Id])
                .Concat(coverage.Institutions.SelectMany(institution => indexes.ContactsByInstitution[institution.Id]));
            return ReachPlanner.Plan(coverage, contacts, state.ContactStaleAfterMonths);
        });
    }

    private RegionCoverage Compute(ModelState state, RegionRecord region, DateOnly asOf)
    {
        var indexes = state.Indexes;
        // Membership as on the date: a membership that began later or had ended does not count.
        var input = new RegionInput(region.Id, region.Name, region.OrdinanceName,
            [.. region.Members.Where(member => member.ValidOn(asOf)).Select(member => new MemberInput(member.InstitutionId, member.Partial, member.Note))]);
        var institutions = indexes.InstitutionsOn(input.Members.Select(member => member.InstitutionId), asOf);
        return CoverageCalculator.Compute(input, institutions, indexes.ForumsOf(region.Id), indexes.Forum, asOf, options.DormantAfterMonths);
    }
}
