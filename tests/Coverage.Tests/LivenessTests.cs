using Samverkan.Text;

namespace Samverkan.Coverage.Tests;

/// <summary>The liveness rule (Samverkan.Text) on meetings known to different precisions, with a 12-month period.</summary>
public class LivenessTests
{
    [Theory]
    [InlineData("2018-spring", "2018-10-24", LivenessState.Active)]
    [InlineData("2018-spring", "2018-06-30", LivenessState.Active)]
    [InlineData("2018-spring", "2018-06-29", LivenessState.Unknown)]
    [InlineData("2018-spring", "2019-01-01", LivenessState.Active)]
    [InlineData("2018-spring", "2019-01-02", LivenessState.Unknown)]
    [InlineData("2018-spring", "2019-07-01", LivenessState.Dormant)]
    [InlineData("2018-spring", "2017-06-01", LivenessState.Unknown)]
    [InlineData("2018-04", "2018-10-24", LivenessState.Active)]
    [InlineData("2018-04", "2018-04-15", LivenessState.Unknown)]
    [InlineData("2018", "2018-10-24", LivenessState.Unknown)]
    [InlineData("2018", "2019-01-01", LivenessState.Active)]
    [InlineData("2018-autumn", "2019-06-30", LivenessState.Active)]
    [InlineData("before 2017-06-30", "2018-10-24", LivenessState.Dormant)]
    [InlineData("before 2017-06-30", "2018-01-01", LivenessState.Unknown)]
    [InlineData("2018-10-01", "2018-10-01", LivenessState.Active)]
    [InlineData("2018-10-01", "2018-09-30", LivenessState.Unknown)]
    public void A_meeting_known_to_some_precision_makes_the_forum(string meeting, string asOf, LivenessState expected)
    {
        var answer = Liveness.Own([ImpreciseDate.Parse(meeting)], DateOnly.Parse(asOf), 12);

        Assert.Equal(expected, answer.State);
    }

    [Fact]
    public void No_meeting_at_all_is_dormant_and_a_precise_meeting_decides_over_a_rough_one()
    {
        Assert.Equal(LivenessCause.NoMeetingRecorded, Liveness.Own([], new DateOnly(2018, 10, 24), 12).Cause);
        var both = Liveness.Own([ImpreciseDate.Parse("2018"), ImpreciseDate.Parse("2018-03-01")], new DateOnly(2018, 10, 24), 12);
        Assert.Equal((LivenessState.Active, ImpreciseDate.Parse("2018-03-01")), (both.State, both.LastMeeting));
    }

    [Theory]
    [InlineData("2018-10-24", DatePrecision.Day, "2018-10-24", "2018-10-24")]
    [InlineData("2018-02", DatePrecision.Month, "2018-02-01", "2018-02-28")]
    [InlineData("2016", DatePrecision.Year, "2016-01-01", "2016-12-31")]
    [InlineData("2018-spring", DatePrecision.Spring, "2018-01-01", "2018-06-30")]
    [InlineData("2018-autumn", DatePrecision.Autumn, "2018-07-01", "2018-12-31")]
    [InlineData("before 2017-06-30", DatePrecision.Before, null, "2017-06-29")]
    public void An_imprecise_date_reads_its_written_form_and_writes_it_back(string text, DatePrecision precision, string? earliest, string latest)
    {
        var date = ImpreciseDate.Parse(text);

        Assert.Equal((precision, earliest is null ? (DateOnly?)null : DateOnly.Parse(earliest), DateOnly.Parse(latest)), (date.Precision, date.Earliest, date.Latest));
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("2018-summer")]
    [InlineData("våren 2018")]
    [InlineData("2018-1")]
    [InlineData("before 2017")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_forms_it_takes(string text)
    {
        Assert.False(ImpreciseDate.TryParse(text, out _, out var problem));
        Assert.Contains("2018-spring", problem);
    }
}
