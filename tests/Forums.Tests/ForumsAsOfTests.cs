using System.Net;
using Samverkan.Forums.Model;
using Samverkan.Text;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>
/// A forum as it stood on a date (<c>asOf</c>): the participants and names of that day, the
/// meetings held by then and the status the dormancy rule gives then; the seed is the 2018 mapping.
/// </summary>
public class ForumsAsOfTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task On_the_mappings_day_utbildningsradet_names_the_county_council_as_it_was_called_then()
    {
        var then = await _client.GetJsonAsync<ForumResponse>("/api/forums/utbildningsradet?asOf=2018-10-24");

        Assert.Contains(then.Participants, p => p.InstitutionId == "region-stockholm" && p.InstitutionName == "Stockholms läns landsting");
        Assert.Equal(ForumStatus.Active, then.Status);
        // The report gives no day: the meeting is known as "spring 2018", when the mapping was made.
        Assert.Null(then.LastMeetingOn);
        Assert.Equal([ImpreciseDate.Parse("2018-spring")], then.ApproximateMeetings);
    }

    [Fact]
    public async Task Before_the_mapping_was_made_the_registry_does_not_know_whether_a_forum_was_alive()
    {
        var before = await _client.GetJsonAsync<ForumResponse>("/api/forums/rur?asOf=2017-06-01");
        var during = await _client.GetJsonAsync<ForumResponse>("/api/forums/rur?asOf=2018-03-15");

        Assert.Equal(ForumStatus.Unknown, before.Status);
        Assert.Empty(before.ApproximateMeetings);
        // A meeting "in spring 2018" may or may not have been held by 15 March.
        Assert.Equal(ForumStatus.Unknown, during.Status);
        Assert.Equal([ImpreciseDate.Parse("2018-spring")], during.ApproximateMeetings);
    }

    [Fact]
    public async Task A_working_group_with_no_meetings_of_its_own_is_as_alive_as_its_parent()
    {
        var group = await _client.GetJsonAsync<ForumResponse>("/api/forums/kompetensradet-grundutbildning?asOf=2018-10-24");
        var later = await _client.GetJsonAsync<ForumResponse>("/api/forums/los-skaraborg?asOf=2020-01-01");

        Assert.Empty(group.ApproximateMeetings);
        Assert.Equal(ForumStatus.Active, group.Status);
        Assert.Equal(ForumStatus.Dormant, later.Status);
    }

    [Fact]
    public async Task Before_its_participants_joined_kompetensradet_shows_only_those_of_that_day()
    {
        var now = await _client.GetJsonAsync<ForumResponse>("/api/forums/kompetensradet");
        var before = await _client.GetJsonAsync<ForumResponse>("/api/forums/kompetensradet?asOf=2016-06-01");

        var joined2017 = now.Participants.Where(p => p.From == new DateOnly(2017, 1, 1)).Select(p => p.InstitutionId).ToList();
        Assert.Equal(2, joined2017.Count);
        Assert.Equal(now.Participants.Count - 2, before.Participants.Count);
        Assert.DoesNotContain(before.Participants, p => joined2017.Contains(p.InstitutionId));
        var listedThen = await _client.GetAllAsync<ForumResponse>($"/api/forums?institution={joined2017[0]}&asOf=2016-06-01");
        Assert.DoesNotContain(listedThen, f => f.Id == "kompetensradet");
        Assert.Contains(await _client.GetAllAsync<ForumResponse>($"/api/forums?institution={joined2017[0]}"), f => f.Id == "kompetensradet");
    }

    [Fact]
    public async Task Before_the_first_recorded_meeting_a_forum_s_status_is_unknown_and_it_knows_no_meeting()
    {
        var before = await _client.GetJsonAsync<ForumResponse>("/api/forums/rur?asOf=2010-01-01");

        Assert.Equal(ForumStatus.Unknown, before.Status);
        Assert.Null(before.LastMeetingOn);
        Assert.Empty(before.MeetingDates);
        Assert.Null(before.StatusNote);
    }

    [Fact]
    public async Task A_forum_started_after_the_date_did_not_exist_then()
    {
        using var response = await _client.GetAsync("/api/forums/usb?asOf=2014-12-31");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("2015", await response.Content.ReadAsStringAsync());
        Assert.Contains(await _client.GetAllAsync<ForumResponse>("/api/forums?region=sydostra"), f => f.Id == "usb");
        Assert.DoesNotContain(await _client.GetAllAsync<ForumResponse>("/api/forums?region=sydostra&asOf=2014-12-31"), f => f.Id == "usb");
    }

    [Fact]
    public async Task The_list_filters_on_the_status_of_the_day()
    {
        var dormantThen = await _client.GetAllAsync<ForumResponse>("/api/forums?status=dormant&asOf=2018-10-24");
        var dormantNow = await _client.GetAllAsync<ForumResponse>("/api/forums?status=dormant");

        // Samverkansmöte held no meeting in the year before the mapping; the sub-groups are as alive as their parents.
        Assert.Equal(["samverkansmote-sydostra"], dormantThen.Select(f => f.Id));
        Assert.Single(dormantNow);
    }

    [Theory]
    [InlineData("2101-01-01")]
    [InlineData("24 oktober 2018")]
    public async Task An_asOf_that_is_not_a_past_date_is_a_problem_naming_it(string asOf)
    {
        using var response = await _client.GetAsync($"/api/forums/rur?asOf={Uri.EscapeDataString(asOf)}");

        await ProblemAssert.NamesFieldsAsync(response, "asOf");
    }
}
