using System.Text.Json;
using Samverkan.Institutions.Events;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>
/// What each institution event carries, pinned as a committed JSON file (tests/Institutions.Tests/EventSnapshots),
/// and read back through the contract the consumers compile against (<see cref="InstitutionEventData"/>).
/// </summary>
public sealed class InstitutionEventContractTests
{
    private static readonly Institution Renamed = new(
        "hogskolan-i-prov", InstitutionKind.University,
        [new("Provhögskolan", "PH", new DateOnly(1977, 7, 1), new DateOnly(2023, 12, 31)), new("Högskolan i Prov", "HiP", new DateOnly(2024, 1, 1), null)],
        InstitutionStatus.Active, null,
        [new(LifecycleType.Renamed, new DateOnly(2024, 1, 1), "Nytt namn efter beslut i styrelsen", [])],
        "https://www.hip.se");

    public static TheoryData<string> Types => [.. InstitutionEvents.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_institution_event_type_carries_the_data_in_its_committed_snapshot(string type) =>
        EventSnapshot.AssertMatches("Institutions.Tests", InstitutionEvents.Announce(type, SampleFor(type), 7));

    [Theory]
    [MemberData(nameof(Types))]
    public void A_consumer_reads_name_abbreviation_status_and_successor_from_every_institution_event_type(string type)
    {
        var sample = SampleFor(type);

        var read = InstitutionEventData.Read(EventSnapshot.DataAsSent(InstitutionEvents.Announce(type, sample, 7)));

        Assert.Equal(new InstitutionEventData(sample.Id, "Högskolan i Prov", "HiP", JsonNamingPolicy.CamelCase.ConvertName(sample.Status.ToString()),
            sample.SuccessorId, 7), read);
    }

    [Fact]
    public void The_contract_names_every_type_the_service_announces_once() =>
        Assert.Equal(InstitutionEvents.All.Distinct(StringComparer.Ordinal).Count(), InstitutionEvents.All.Count);

    private static Institution SampleFor(string type) => type switch
    {
        InstitutionEvents.Merged => Renamed with
        {
            Status = InstitutionStatus.Merged,
            SuccessorId = "storhogskolan",
            Lifecycle = [.. Renamed.Lifecycle, new(LifecycleType.Merged, new DateOnly(2025, 1, 1), null, ["storhogskolan"])],
        },
        InstitutionEvents.Retired => Renamed with
        {
            Status = InstitutionStatus.Closed,
            Lifecycle = [.. Renamed.Lifecycle, new(LifecycleType.Closed, new DateOnly(2025, 6, 30), "Verksamheten avvecklad", [])],
        },
        _ => Renamed,
    };
}
