using Samverkan.Coverage.Analysis;
using Samverkan.TestSupport;
using Samverkan.Text;

namespace Samverkan.Coverage.Tests;

/// <summary>Asked about today, the 2018 seed is years old: the answers must say so rather than pretend.</summary>
[Collection(SeededRegistry.Name)]
public class StaleDataTests(CoverageFixture fixture)
{
    private DateOnly Today => fixture.Clock.SwedishToday;

    [Theory]
    [InlineData("stockholm")]
    [InlineData("sydostra")]
    [InlineData("sodra")]
    [InlineData("vastra")]
    [InlineData("uppsala-orebro")]
    [InlineData("norra")]
    public async Task Asked_about_today_every_forum_is_dormant_and_the_answer_says_how_old_the_data_is(string region)
    {
        var coverage = await fixture.CoverageAsync(region, asOf: null);

        Assert.Equal(Today, coverage.AsOf);
        Assert.False(coverage.HasPrimaryForum);
        Assert.All(coverage.Forums, forum => Assert.False(forum.Active, $"{forum.Id} counts as active"));
        Assert.All(coverage.Forums, forum => Assert.NotNull(forum.DormancyReason));
        Assert.True(coverage.DataAge.OutOfDate);
        // The mapping's verification is known as "during spring 2018", not to the day; months count from its last day.
        Assert.Null(coverage.DataAge.NewestVerifiedOn);
        Assert.Equal(ImpreciseDate.Parse("2018-spring"), coverage.DataAge.NewestVerified);
        Assert.Equal(DataAges.MonthsBetween(new DateOnly(2018, 6, 30), Today), coverage.DataAge.MonthsOld);
        Assert.Contains(coverage.Warnings, warning => warning.Contains("out of date", StringComparison.Ordinal)
            && warning.Contains("in the spring of 2018", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forum_that_met_in_2018_is_dormant_today_with_the_date_of_its_last_meeting_as_the_reason()
    {
        var norra = await fixture.CoverageAsync("norra", asOf: null);

        var fui = norra.Forums.Single(forum => forum.Id == "fui-radet");
        Assert.Equal((false, DormancyKind.NoMeetingInPeriod, null, ImpreciseDate.Parse("2018-spring")), (fui.Active, fui.Dormancy, fui.LastMeetingOn, fui.LastMeeting));
        Assert.Contains("The last recorded meeting was in the spring of 2018", fui.DormancyReason);
        Assert.Equal(["fui-radet"], norra.CoversAllButDormant.Select(forum => forum.Id));
        Assert.Equal(7, norra.OnlyInDormantForums.Count);
    }

    [Fact]
    public async Task The_national_overview_of_today_warns_that_the_newest_meeting_is_from_2018()
    {
        var national = await fixture.Client.GetJsonAsync<NationalCoverage>("/api/coverage");

        Assert.Equal(0, national.RegionsWithPrimaryForum);
        Assert.Null(national.DataAge.NewestMeetingOn);
        Assert.Equal(ImpreciseDate.Parse("2018-spring"), national.DataAge.NewestMeeting);
        var warning = Assert.Single(national.Warnings);
        Assert.Contains("the newest recorded meeting was held in the spring of 2018", warning);
        Assert.Contains($"{DataAges.Describe(DataAges.MonthsBetween(new DateOnly(2018, 6, 30), Today))} before", warning);
    }

    [Fact]
    public async Task Asked_about_today_no_forum_contact_reaches_anyone_and_the_plan_says_why()
    {
        var plan = await fixture.ReachAsync("norra", asOf: null);

        Assert.Empty(plan.ContactPoints);
        Assert.Equal(0, plan.Reachable);
        Assert.Equal(7, plan.Unreachable.Count);
        Assert.All(plan.Unreachable, institution => Assert.Contains("only in dormant forums", institution.Reason));
        Assert.Contains(plan.Warnings, warning => warning.Contains("out of date", StringComparison.Ordinal));
    }
}
