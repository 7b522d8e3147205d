using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>What each forum event carries, pinned as a committed JSON file (tests/Forums.Tests/EventSnapshots).</summary>
public sealed class ForumEventContractTests
{
    private static readonly Forum Sample = new()
    {
        Id = "rur-prov",
        Name = "Regionalt utvecklingsråd Prov",
        Abbreviation = "RUR",
        RegionIds = ["norr"],
        Participants =
        [
            new("hogskolan-i-prov", ParticipationCapacity.Member, null, null, new DateOnly(2020, 1, 1), null, null),
            new("region-prov", ParticipationCapacity.RepresentedVia, "rur-moder", null, null, new DateOnly(2024, 12, 31), "Genom moderforumet"),
        ],
        Purpose = "Samverkan om kompetensförsörjning",
        StartYear = 2019,
        FormalBasis = new(FormalBasisKind.PrincipleAgreement, "Avsiktsförklaring", 2019),
        Meetings = new(4, 5, MeetingPeriod.Term, MeetingForm.Mixed, "4–5 per termin"),
        Chair = new("Ordförande från regionen", "Växlar årsvis"),
        MunicipalitiesTakePart = MunicipalityParticipation.Some,
        CooperationKinds = [CooperationKind.OverallCooperation, CooperationKind.InformationExchange],
        Professions = ["sjuksköterska"],
        Status = ForumStatus.Active,
        LastMeetingOn = new DateOnly(2026, 11, 3),
        Provenance = new("Kansliet, Högskolan i Prov", new DateOnly(2026, 10, 1), "Webbplats"),
        Website = "https://rur.example.se",
    };

    private static readonly Dictionary<string, InstitutionName> Names = new() { ["hogskolan-i-prov"] = new("Högskolan i Prov", "HiP") };

    public static TheoryData<string> Types => [.. ForumEvents.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_forum_event_type_carries_the_data_in_its_committed_snapshot(string type) =>
        EventSnapshot.AssertMatches("Forums.Tests", type == ForumEvents.Deleted
            ? ForumEvents.Tombstone(Sample.Id)
            : ForumEvents.Announce(type, ForumResponse.From(Sample, 3, Names)));
}
