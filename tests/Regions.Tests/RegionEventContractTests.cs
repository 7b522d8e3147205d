extern alias RegionsService;

using RegionsService::Samverkan.Regions.Events;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>What each region event carries, pinned as a committed JSON file (tests/Regions.Tests/EventSnapshots).</summary>
public sealed class RegionEventContractTests
{
    private static readonly Region Sample = new("norr", "Norra sjukvårdsregionen", "Norra sjukvårdsregionen",
        [
            new("region-prov", false, null),
            new("hogskolan-i-prov", true, "Endast campus Prov", new DateOnly(2019, 1, 1)),
            new("hogskolan-i-prov", false, null, new DateOnly(2016, 1, 1), new DateOnly(2018, 12, 31)),
        ]);

    public static TheoryData<string> Types => [.. RegionEvents.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_region_event_type_carries_the_data_in_its_committed_snapshot(string type) =>
        EventSnapshot.AssertMatches("Regions.Tests", RegionEvents.Announce(type, Sample, 1));
}
