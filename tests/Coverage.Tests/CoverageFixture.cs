using Samverkan.Coverage.Analysis;
using Samverkan.TestSupport;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// The Coverage service in the test process, with the four producers it copies as real
/// processes: their events reach it over HTTP as in the embedded platform, their snapshots over gRPC.
/// </summary>
public sealed class CoverageFixture() : InProcessServiceFixture<Program>("coverage", "regions", "institutions", "forums", "contacts")
{
    /// <summary>The day of the 2018 mapping report.</summary>
    public const string ReportDate = "2018-10-24";

    /// <summary>The region's answer in full (include=matrix), as the path before the Coverage service answered it.</summary>
    public Task<RegionCoverage> CoverageAsync(string region, string? asOf = ReportDate) =>
        Client.GetJsonAsync<RegionCoverage>($"/api/coverage/regions/{region}?include=matrix{(asOf is null ? "" : $"&asOf={asOf}")}");

    public Task<ReachPlan> ReachAsync(string region, string? asOf = ReportDate) =>
        Client.GetJsonAsync<ReachPlan>($"/api/coverage/regions/{region}/reach{(asOf is null ? "" : $"?asOf={asOf}")}");

    /// <summary>Waits until the region's answer satisfies <paramref name="holds"/>: a write reaches the read model as an event, a moment later.</summary>
    public Task<RegionCoverage> CoverageWhenAsync(string region, Func<RegionCoverage, bool> holds, string what, string? asOf = ReportDate) =>
        Eventually.GetAsync(async () => await CoverageAsync(region, asOf) is var answer && holds(answer) ? answer : null, what);

    public Task<ReachPlan> ReachWhenAsync(string region, Func<ReachPlan, bool> holds, string what, string? asOf = ReportDate) =>
        Eventually.GetAsync(async () => await ReachAsync(region, asOf) is var plan && holds(plan) ? plan : null, what);
}

/// <summary>Test classes that only read the seeded registry share one set of processes.</summary>
[CollectionDefinition(Name)]
public sealed class SeededRegistry : ICollectionFixture<CoverageFixture>
{
    public const string Name = "Seeded registry, read only";
}
