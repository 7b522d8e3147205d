using Samverkan.Forums.Coverage;
using Samverkan.TestSupport;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Forums.Tests;

/// <summary>Forums with every service it asks over gRPC for coverage, reach plans and exports: Contacts too.</summary>
public sealed class CoverageFixture() : InProcessServiceFixture<Program>("forums", "institutions", "regions", "contacts")
{
    /// <summary>The day of the 2018 mapping report.</summary>
    public const string ReportDate = "2018-10-24";

    public Task<RegionCoverage> CoverageAsync(string region, string? asOf = ReportDate) =>
        Client.GetJsonAsync<RegionCoverage>($"/api/regions/{region}/coverage{(asOf is null ? "" : $"?asOf={asOf}")}");

    public Task<ReachPlan> ReachAsync(string region, string? asOf = ReportDate) =>
        Client.GetJsonAsync<ReachPlan>($"/api/regions/{region}/reach{(asOf is null ? "" : $"?asOf={asOf}")}");
}

/// <summary>Test classes that only read the seeded registry share one set of processes.</summary>
[CollectionDefinition(Name)]
public sealed class SeededRegistry : ICollectionFixture<CoverageFixture>
{
    public const string Name = "Seeded registry, read only";
}
