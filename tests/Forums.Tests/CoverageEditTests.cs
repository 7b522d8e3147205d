using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.Forums.Coverage;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>
/// The answers follow edits. Each test changes a different region (Stockholm, Sydöstra, Västra,
/// Norra), so none depends on what another wrote.
/// </summary>
public class CoverageEditTests(CoverageFixture fixture) : IClassFixture<CoverageFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Adding_region_gotland_to_utbildningsradet_takes_it_out_of_no_forum_in_stockholm()
    {
        var forum = await _client.GetJsonAsync<ForumResponse>("/api/forums/utbildningsradet");
        var input = InputFrom(forum) with
        {
            Participants = [.. InputFrom(forum).Participants!, new Participant("region-gotland", ParticipationCapacity.Member, null, null, null, null, null)],
        };

        using (var response = await SendAsync(HttpMethod.Put, "/api/forums/utbildningsradet", input, $"\"{forum.Version}\""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stockholm = await fixture.CoverageAsync("stockholm");
        Assert.Equal(["stockholms-universitet"], stockholm.InNoForum.Select(i => i.Id));
        var gotland = stockholm.Institutions.Single(i => i.Id == "region-gotland");
        Assert.Equal((CoverageState.InActiveForum, "utbildningsradet"), (gotland.State, Assert.Single(gotland.Forums).ForumId));
        Assert.False(stockholm.HasPrimaryForum);
    }

    [Fact]
    public async Task Recording_a_meeting_makes_samverkansmote_primary_for_sydostra_from_the_meeting_date()
    {
        using (var response = await SendAsync(HttpMethod.Post, "/api/forums/samverkansmote-sydostra/meetings", new { on = "2019-03-14" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var recorded = await response.ReadJsonAsync<ForumResponse>();
            Assert.Equal((new DateOnly(2019, 3, 14), ForumStatus.Dormant), (recorded.LastMeetingOn, recorded.Status));
        }

        var then = await fixture.CoverageAsync("sydostra", "2019-03-14");
        Assert.Equal(["samverkansmote-sydostra"], then.PrimaryForums.Select(f => f.Id));
        Assert.Empty(then.OnlyInDormantForums);
        var before = await fixture.CoverageAsync("sydostra");
        Assert.False(before.HasPrimaryForum);
        Assert.Equal(["samverkansmote-sydostra"], before.CoversAllButDormant.Select(f => f.Id));
        var year = await fixture.CoverageAsync("sydostra", "2020-03-15");
        Assert.False(year.HasPrimaryForum);

        var today = (await fixture.CoverageAsync("sydostra", asOf: null)).AsOf;
        using (var response = await SendAsync(HttpMethod.Post, "/api/forums/samverkansmote-sydostra/meetings", new { on = today }, "\"2\""))
        {
            var recorded = await response.ReadJsonAsync<ForumResponse>();
            Assert.Equal(ForumStatus.Active, recorded.Status);
        }
        var now = await fixture.CoverageAsync("sydostra", asOf: null);
        Assert.Equal(["samverkansmote-sydostra"], now.PrimaryForums.Select(f => f.Id));
        Assert.Equal(today, now.DataAge.NewestMeetingOn);
    }

    [Fact]
    public async Task Contacts_for_a_forum_and_for_an_institution_make_a_reach_plan_of_two_in_vastra()
    {
        var contacts = fixture.ClientFor("contacts");
        await CreateAsync(contacts, "/api/contacts", new { kind = "function", function = "Chair of RGS", forumId = "rgs", verifiedOn = "2018-10-24" });
        await CreateAsync(contacts, "/api/contacts", new { kind = "function", function = "HR director", institutionId = "region-halland", ownerInstitutionId = "region-halland" });

        var plan = await fixture.ReachAsync("vastra");

        Assert.Equal(["Chair of RGS", "HR director"], plan.ContactPoints.Select(p => p.Function).Order(StringComparer.Ordinal));
        Assert.Equal((6, 6), (plan.Institutions, plan.Reachable));
        Assert.Empty(plan.Unreachable);
        Assert.True(plan.Exact);
        Assert.Contains(plan.Warnings, warning => warning.Contains("never been verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_users_typed_is_encoded_in_the_report_and_defused_in_the_csv()
    {
        var created = await CreateAsync(_client, "/api/forums", new
        {
            name = "<script>alert('x')</script> & Co",
            regionIds = new[] { "norra" },
            purpose = "=HYPERLINK(\"http://example.com\")",
            participants = new[] { new { institutionId = "umea-universitet" } },
        });

        var html = await _client.GetStringAsync("/api/exports/report.html");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var csv = TestCsv.Parse(Encoding.UTF8.GetString((await _client.GetByteArrayAsync("/api/exports/forums.csv"))[3..]));
        var row = csv.Single(r => r[0] == created);
        Assert.Equal("'=HYPERLINK(\"http://example.com\")", row[Array.IndexOf(Samverkan.Forums.Exports.ForumsCsv.Columns, "purpose")]);
    }

    /// <summary>The forum as read, sent back: every field the two shapes share, by name (a field added later is carried too).</summary>
    private static ForumInput InputFrom(ForumResponse f) => JsonSerializer.Deserialize<ForumInput>(JsonSerializer.SerializeToUtf8Bytes(f))!;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: JsonHttp.Options) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return _client.SendAsync(request);
    }

    private sealed record Created(string Id);

    private static async Task<string> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Created>()).Id;
    }
}
