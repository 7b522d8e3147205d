using Samverkan.Coverage.Analysis;
using Samverkan.Text;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// The seed records what the 2018 mapping says with the precision it says it (issue 17): the
/// mapping was made during spring 2018, so any day of 2018 after it gives the report's
/// conclusions; a day before it, the registry says it does not know rather than calling forums dormant.
/// </summary>
[Collection(SeededRegistry.Name)]
public class MappingDatesTests(CoverageFixture fixture)
{
    public static TheoryData<string> Regions() => ["stockholm", "sydostra", "sodra", "vastra", "uppsala-orebro", "norra"];

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task On_the_reports_day_only_samverkansmote_is_dormant_and_every_working_group_is_alive(string region)
    {
        var coverage = await fixture.CoverageAsync(region);

        Assert.Equal(region == "sydostra" ? ["samverkansmote-sydostra"] : [], coverage.DormantForums.Select(forum => forum.Id));
        Assert.Empty(coverage.UnknownActivityForums);
        Assert.All(coverage.Forums.Where(forum => forum.ParentId is not null && forum.LastMeeting is null), group =>
            Assert.Equal((true, group.ParentId), (group.Active, group.ActivityFromForumId)));
    }

    [Theory]
    [InlineData("2018-07-01")]
    [InlineData("2018-12-31")]
    public async Task Any_day_of_2018_after_the_mapping_gives_the_reports_conclusions(string asOf)
    {
        foreach (var region in Regions())
        {
            var reportDay = await fixture.CoverageAsync(region);
            var other = await fixture.CoverageAsync(region, asOf);

            Assert.Equal(Conclusions(reportDay), Conclusions(other));
        }
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Before_the_mapping_the_answer_says_it_does_not_know_rather_than_calling_forums_dormant(string region)
    {
        var coverage = await fixture.CoverageAsync(region, "2017-06-01");

        Assert.Empty(coverage.DormantForums);
        Assert.Empty(coverage.OnlyInDormantForums);
        Assert.All(coverage.Forums, forum => Assert.Equal(LivenessState.Unknown, forum.Activity));
        Assert.All(coverage.Forums, forum => Assert.Contains("not known", forum.DormancyReason));
        Assert.Contains(coverage.Warnings, warning => warning.Contains("is not known", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dialogforum_met_in_april_2018_and_is_known_to_the_month()
    {
        var region = await fixture.CoverageAsync("uppsala-orebro");

        var dialogforum = region.Forums.Single(forum => forum.Id == "dialogforum");
        Assert.Equal((ImpreciseDate.Parse("2018-04"), (DateOnly?)null), (dialogforum.LastMeeting, dialogforum.LastMeetingOn));
    }

    private static string Conclusions(RegionCoverage coverage) => string.Join(" | ",
        string.Join(",", coverage.PrimaryForums.Select(forum => forum.Id)),
        string.Join(",", coverage.CoversAllButDormant.Select(forum => forum.Id)),
        string.Join(",", coverage.ForumsWithSome.Select(forum => forum.Id)),
        string.Join(",", coverage.DormantForums.Select(forum => forum.Id)),
        string.Join(",", coverage.InNoForum.Select(institution => institution.Id)),
        string.Join(",", coverage.OnlyInDormantForums.Select(institution => institution.Id)),
        string.Join(",", coverage.Institutions.Select(institution => $"{institution.Id}:{institution.State}")));

    /// <summary>Södra's management group and its HR working groups are in the registry but are not forums: they never count for coverage.</summary>
    [Fact]
    public async Task Bodies_that_are_not_forums_do_not_count_for_coverage()
    {
        var sodra = await fixture.CoverageAsync("sodra");

        Assert.Equal(["larosaten-syd", "sodra-regionvardsnamnden"], sodra.Forums.Select(forum => forum.Id).Order());
    }
}
