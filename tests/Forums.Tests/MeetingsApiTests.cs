using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

public class MeetingsApiTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<ForumResponse> CreateAsync(string status = "active", string? lastMeetingOn = null)
    {
        using var response = await _client.PostJsonAsync("/api/forums", new
        {
            name = $"Mötesforum {Guid.NewGuid():N}",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet" } },
            status,
            lastMeetingOn,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<ForumResponse>();
    }

    private Task<HttpResponseMessage> RecordAsync(string id, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/forums/{id}/meetings") { Content = JsonContent.Create(body, options: JsonHttp.Options) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task A_recorded_meeting_joins_the_history_and_the_newest_becomes_last_meeting_on()
    {
        var forum = await CreateAsync(lastMeetingOn: "2020-01-15");

        using (var newer = await RecordAsync(forum.Id, new { on = "2021-05-05" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
            Assert.Equal("\"2\"", newer.Headers.ETag?.Tag);
        }
        using (var older = await RecordAsync(forum.Id, new { on = "2019-02-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        }

        var read = await _client.GetJsonAsync<ForumResponse>($"/api/forums/{forum.Id}");
        Assert.Equal([new DateOnly(2019, 2, 1), new DateOnly(2020, 1, 15), new DateOnly(2021, 5, 5)], read.MeetingDates);
        Assert.Equal((new DateOnly(2021, 5, 5), 3L), (read.LastMeetingOn, read.Version));
    }

    [Fact]
    public async Task Recording_a_date_already_recorded_changes_nothing()
    {
        var forum = await CreateAsync(lastMeetingOn: "2020-01-15");

        using var response = await RecordAsync(forum.Id, new { on = "2020-01-15" });

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1, (await _client.GetJsonAsync<ForumResponse>($"/api/forums/{forum.Id}")).Version);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_records_nothing()
    {
        var forum = await CreateAsync();

        using var response = await RecordAsync(forum.Id, new { on = "2021-05-05" }, "\"7\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Empty((await _client.GetJsonAsync<ForumResponse>($"/api/forums/{forum.Id}")).MeetingDates);
    }

    [Fact]
    public async Task A_missing_or_future_date_and_an_unknown_field_are_problems_naming_the_field()
    {
        var forum = await CreateAsync();

        using (var missing = await RecordAsync(forum.Id, new { }))
        {
            await ProblemAssert.NamesFieldsAsync(missing, "on");
        }
        using (var future = await RecordAsync(forum.Id, new { on = "2999-01-01" }))
        {
            await ProblemAssert.NamesFieldsAsync(future, "on");
        }
        using (var unknown = await RecordAsync(forum.Id, new { on = "2021-05-05", minutes = "long" }))
        {
            await ProblemAssert.NamesFieldsAsync(unknown, "minutes");
        }
        using var gone = await RecordAsync("no-such-forum", new { on = "2021-05-05" });
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recent_meeting_makes_a_dormant_forum_active_again()
    {
        var forum = await CreateAsync(status: "dormant");
        var today = fixture.Clock.SwedishToday;

        using var response = await RecordAsync(forum.Id, new { on = today.AddDays(-3) });

        var recorded = await response.ReadJsonAsync<ForumResponse>();
        Assert.Equal(ForumStatus.Active, recorded.Status);
        Assert.Contains(today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), recorded.StatusNote);
    }

    [Fact]
    public async Task Replacing_a_forum_without_meeting_dates_keeps_the_recorded_history()
    {
        var forum = await CreateAsync(lastMeetingOn: "2020-01-15");
        using (await RecordAsync(forum.Id, new { on = "2021-05-05" }))
        {
        }

        using var put = await _client.PutJsonAsync($"/api/forums/{forum.Id}", new
        {
            name = forum.Name,
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet" } },
        });

        var replaced = await put.ReadJsonAsync<ForumResponse>();
        Assert.Equal([new DateOnly(2020, 1, 15), new DateOnly(2021, 5, 5)], replaced.MeetingDates);
        Assert.Equal(new DateOnly(2021, 5, 5), replaced.LastMeetingOn);
    }
}
