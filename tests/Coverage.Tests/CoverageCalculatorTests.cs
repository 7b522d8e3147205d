using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Tests;

/// <summary>The pure coverage computation on small hand-made registries.</summary>
public class CoverageCalculatorTests
{
    private static readonly DateOnly AsOf = new(2020, 6, 1);

    private static readonly RegionInput Region = new("r", "Testregionen", "Testregionen", [
        new MemberInput("cc1", false, null), new MemberInput("cc2", false, null), new MemberInput("uni", true, "Campus A"), new MemberInput("assoc", false, null),
    ]);

    private static readonly Dictionary<string, InstitutionInfo> Institutions = new()
    {
        ["cc1"] = new("cc1", "Landsting 1", null, InstitutionInfo.CountyCouncil, null),
        ["cc2"] = new("cc2", "Landsting 2", null, InstitutionInfo.CountyCouncil, null),
        ["uni"] = new("uni", "Högskolan", null, InstitutionInfo.University, null),
        ["assoc"] = new("assoc", "Förbundet", null, "association", null),
    };

    private static Participant P(string id, DateOnly? from = null, DateOnly? to = null, string? viaForum = null) =>
        new(id, viaForum is null ? ParticipationCapacity.Member : ParticipationCapacity.RepresentedVia, viaForum, null, from, to, null);

    private static Forum F(string id, IReadOnlyList<Participant> participants, string? parentId = null, int? startYear = null, params DateOnly[] meetings) =>
        new()
        {
            Id = id,
            Name = id,
            RegionIds = ["r"],
            ParentId = parentId,
            Participants = participants,
            StartYear = startYear,
            MunicipalitiesTakePart = MunicipalityParticipation.Unknown,
            Status = ForumStatus.Active,
            MeetingDates = meetings,
        };

    private static RegionCoverage Compute(params Forum[] forums) =>
        CoverageCalculator.Compute(Region, Institutions, forums, id => forums.FirstOrDefault(f => f.Id == id), AsOf, 12);

    [Fact]
    public void A_forum_with_every_county_council_and_university_and_a_recent_meeting_is_primary()
    {
        var coverage = Compute(F("all", [P("cc1"), P("cc2"), P("uni")], meetings: new DateOnly(2020, 5, 1)));

        Assert.Equal(["all"], coverage.PrimaryForums.Select(f => f.Id));
        Assert.Equal(3, coverage.Institutions.Count);
    }

    [Fact]
    public void A_meeting_exactly_the_dormancy_period_before_counts_and_one_day_earlier_does_not()
    {
        Assert.True(Compute(F("all", [P("cc1"), P("cc2"), P("uni")], meetings: new DateOnly(2019, 6, 1))).HasPrimaryForum);
        var dormant = Compute(F("all", [P("cc1"), P("cc2"), P("uni")], meetings: new DateOnly(2019, 5, 31)));
        Assert.Equal(["all"], dormant.CoversAllButDormant.Select(f => f.Id));
    }

    [Fact]
    public void Before_the_first_recorded_meeting_the_registry_does_not_know_whether_the_forum_was_alive()
    {
        var coverage = Compute(F("all", [P("cc1"), P("cc2"), P("uni")], meetings: new DateOnly(2021, 1, 1)));

        Assert.False(coverage.HasPrimaryForum);
        var forum = coverage.Forums.Single();
        Assert.Equal((LivenessState.Unknown, null), (forum.Activity, forum.Dormancy));
        Assert.Empty(coverage.CoversAllButDormant);
        Assert.Empty(coverage.DormantForums);
        Assert.Equal(["all"], coverage.UnknownActivityForums.Select(f => f.Id));
        Assert.Equal(3, coverage.ActivityUnknown.Count);
        Assert.Empty(coverage.OnlyInDormantForums);
        Assert.Contains(coverage.Warnings, warning => warning.Contains("is not known", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sub_group_without_meetings_of_its_own_is_as_alive_as_its_parent_unless_stored_dormant()
    {
        var parent = F("council", [P("cc1")], meetings: new DateOnly(2020, 5, 1));
        var group = F("group", [P("cc2")], parentId: "council");
        var stopped = F("stopped", [P("uni")], parentId: "council") with { Status = ForumStatus.Dormant };
        var ownRecord = F("own", [P("uni")], parentId: "council", meetings: new DateOnly(2018, 1, 1));

        var coverage = Compute(parent, group, stopped, ownRecord);

        var byId = coverage.Forums.ToDictionary(forum => forum.Id);
        Assert.Equal((true, "council"), (byId["group"].Active, byId["group"].ActivityFromForumId));
        Assert.Contains("works under council, which is active", byId["group"].DormancyReason);
        Assert.Equal((LivenessState.Dormant, null), (byId["stopped"].Activity, byId["stopped"].ActivityFromForumId));
        Assert.Equal((LivenessState.Dormant, DormancyKind.NoMeetingInPeriod), (byId["own"].Activity, byId["own"].Dormancy));
        Assert.Equal(CoverageState.InActiveForum, coverage.Institutions.Single(i => i.Id == "cc2").State);
    }

    [Fact]
    public void Participation_periods_decide_who_takes_part_on_the_date()
    {
        var coverage = Compute(F("f", [P("cc1", to: new DateOnly(2020, 5, 31)), P("cc2", from: new DateOnly(2020, 6, 2)), P("uni", from: AsOf)],
            meetings: new DateOnly(2020, 5, 1)));

        Assert.Equal(["uni"], coverage.Forums.Single().Includes);
        Assert.Equal(["cc1", "cc2"], coverage.InNoForum.Select(i => i.Id));
    }

    [Fact]
    public void Representation_through_a_forum_counts_only_when_the_institution_sits_in_that_forum()
    {
        var councils = F("councils", [P("cc1")], meetings: new DateOnly(2020, 5, 1));
        var dialog = F("dialog", [P("uni"), P("cc1", viaForum: "councils"), P("cc2", viaForum: "councils")], meetings: new DateOnly(2020, 5, 1));

        var coverage = Compute(councils, dialog);

        Assert.Equal(["cc1", "uni"], coverage.Forums.Single(f => f.Id == "dialog").Includes);
        Assert.Contains(coverage.Warnings, w => w.Contains("cc2 is recorded as represented in dialog through councils", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sub_group_is_never_primary_but_counts_for_taking_part()
    {
        var parent = F("parent", [P("cc1"), P("cc2")], meetings: new DateOnly(2020, 5, 1));
        var group = F("group", [P("cc1"), P("cc2"), P("uni")], parentId: "parent", meetings: new DateOnly(2020, 5, 1));

        var coverage = Compute(parent, group);

        Assert.False(coverage.HasPrimaryForum);
        Assert.Empty(coverage.InNoForum);
        Assert.True(coverage.Forums.Single(f => f.Id == "group").CoversAll);
    }

    [Fact]
    public void A_forum_started_after_the_date_and_an_institution_gone_before_it_do_not_count()
    {
        var institutions = new Dictionary<string, InstitutionInfo>(Institutions)
        {
            ["cc2"] = new("cc2", "Landsting 2", null, InstitutionInfo.CountyCouncil, new DateOnly(2020, 1, 1)),
        };
        Forum[] forums = [F("later", [P("cc1"), P("uni")], startYear: 2021, meetings: new DateOnly(2020, 5, 1)), F("now", [P("cc1"), P("uni")], meetings: new DateOnly(2020, 5, 1))];

        var coverage = CoverageCalculator.Compute(Region, institutions, forums, _ => null, AsOf, 12);

        Assert.Equal(["now"], coverage.Forums.Select(f => f.Id));
        Assert.Equal(["now"], coverage.PrimaryForums.Select(f => f.Id));
    }

    [Fact]
    public void Only_county_councils_and_universities_must_be_covered()
    {
        var coverage = Compute(F("f", [P("cc1"), P("cc2"), P("uni")], meetings: new DateOnly(2020, 5, 1)));

        Assert.DoesNotContain(coverage.Institutions, i => i.Id == "assoc");
        Assert.True(coverage.Institutions.Single(i => i.Id == "uni").Partial);
    }
}
