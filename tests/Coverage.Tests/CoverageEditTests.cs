using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Samverkan.Coverage.Analysis;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// The answers follow edits made in the producers, as their events reach the read model. Each
/// test changes a different region (Stockholm, Sydöstra, Västra, Norra, Uppsala-Örebro), so none
/// depends on what another wrote.
/// </summary>
public class CoverageEditTests(CoverageFixture fixture) : IClassFixture<CoverageFixture>
{
    private readonly HttpClient _forums = fixture.ClientFor("forums");

    [Fact]
    public async Task Adding_region_gotland_to_utbildningsradet_takes_it_out_of_no_forum_in_stockholm()
    {
        using var read = await _forums.GetAsync("/api/forums/utbildningsradet");
        var forum = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        var participants = forum["participants"]!.AsArray();
        foreach (var participant in participants)
        {
            // What the API adds on read is not part of what is written back.
            participant!.AsObject().Remove("institutionName");
            participant.AsObject().Remove("institutionAbbreviation");
        }
        participants.Add(new JsonObject { ["institutionId"] = "region-gotland", ["capacity"] = "member" });
        // The report says Gotland does not take part; one that joins is no longer listed so (both are refused).
        var notTakingPart = forum["nonParticipants"]!.AsArray();
        notTakingPart.Remove(notTakingPart.Single(entry => (string?)entry!["institutionId"] == "region-gotland"));
        forum.Remove("version");
        forum.Remove("id");

        using (var response = await _forums.SendJsonAsync(HttpMethod.Put, "/api/forums/utbildningsradet", forum, read.Headers.ETag!.Tag))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var stockholm = await fixture.CoverageWhenAsync("stockholm", c => c.InNoForum.All(i => i.Id != "region-gotland"), "Region Gotland in a forum");
        Assert.Equal(["stockholms-universitet"], stockholm.InNoForum.Select(i => i.Id));
        var gotland = stockholm.Institutions.Single(i => i.Id == "region-gotland");
        Assert.Equal((CoverageState.InActiveForum, "utbildningsradet"), (gotland.State, Assert.Single(gotland.Forums).ForumId));
        Assert.False(stockholm.HasPrimaryForum);
    }

    [Fact]
    public async Task Recording_a_meeting_makes_samverkansmote_primary_for_sydostra_from_the_meeting_date()
    {
        using (var response = await _forums.SendJsonAsync(HttpMethod.Post, "/api/forums/samverkansmote-sydostra/meetings", new { on = "2019-03-14" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var then = await fixture.CoverageWhenAsync("sydostra", c => c.HasPrimaryForum, "the meeting of 2019-03-14", asOf: "2019-03-14");
        Assert.Equal(["samverkansmote-sydostra"], then.PrimaryForums.Select(f => f.Id));
        Assert.Empty(then.OnlyInDormantForums);
        var before = await fixture.CoverageAsync("sydostra");
        Assert.False(before.HasPrimaryForum);
        Assert.Equal(["samverkansmote-sydostra"], before.CoversAllButDormant.Select(f => f.Id));
        var year = await fixture.CoverageAsync("sydostra", "2020-03-15");
        Assert.False(year.HasPrimaryForum);

        var today = (await fixture.CoverageAsync("sydostra", asOf: null)).AsOf;
        using (var response = await _forums.SendJsonAsync(HttpMethod.Post, "/api/forums/samverkansmote-sydostra/meetings", new { on = today }, "\"2\""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var now = await fixture.CoverageWhenAsync("sydostra", c => c.HasPrimaryForum, "today's meeting", asOf: null);
        Assert.Equal(["samverkansmote-sydostra"], now.PrimaryForums.Select(f => f.Id));
        Assert.Equal(today, now.DataAge.NewestMeetingOn);
    }

    [Fact]
    public async Task Contacts_for_a_forum_and_for_an_institution_make_a_reach_plan_of_two_in_vastra()
    {
        var contacts = fixture.ClientFor("contacts");
        await CreateAsync(contacts, "/api/contacts", new { kind = "function", function = "Chair of RGS", forumId = "rgs", verifiedOn = "2018-10-24" });
        await CreateAsync(contacts, "/api/contacts", new { kind = "function", function = "HR director", institutionId = "region-halland", ownerInstitutionId = "region-halland" });

        var plan = await fixture.ReachWhenAsync("vastra", p => p.Unreachable.Count == 0, "both contact points in the read model");

        Assert.Equal(["Chair of RGS", "HR director"], plan.ContactPoints.Select(p => p.Function).Order(StringComparer.Ordinal));
        Assert.Equal((6, 6), (plan.Institutions, plan.Reachable));
        Assert.True(plan.Exact);
        Assert.Contains(plan.Warnings, warning => warning.Contains("never been verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_membership_that_ended_takes_the_institution_out_of_the_region_after_its_end_and_not_before()
    {
        var regions = fixture.ClientFor("regions");
        using var read = await regions.GetAsync("/api/regions/uppsala-orebro/members");
        var members = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["members"]!.AsArray();
        members.Single(member => (string?)member!["institutionId"] == "region-gavleborg")!["to"] = "2019-12-31";

        using (var response = await regions.SendJsonAsync(HttpMethod.Put, "/api/regions/uppsala-orebro/members", new JsonObject { ["members"] = members.DeepClone() }, read.Headers.ETag!.Tag))
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var after = await fixture.CoverageWhenAsync("uppsala-orebro", c => c.Institutions.All(i => i.Id != "region-gavleborg"),
            "Region Gävleborg's membership ended", asOf: "2020-01-01");
        Assert.Equal(12, after.Institutions.Count);
        var lastDay = await fixture.CoverageAsync("uppsala-orebro", asOf: "2019-12-31");
        Assert.Contains(lastDay.Institutions, i => i.Id == "region-gavleborg");
        var report = await fixture.CoverageAsync("uppsala-orebro");
        Assert.Equal(13, report.Institutions.Count);
    }

    [Fact]
    public async Task What_users_typed_is_encoded_in_the_report_and_defused_in_the_csv()
    {
        var created = await CreateAsync(_forums, "/api/forums", new
        {
            name = "<script>alert('x')</script> & Co",
            regionIds = new[] { "norra" },
            purpose = "=HYPERLINK(\"http://example.com\")",
            participants = new[] { new { institutionId = "umea-universitet" } },
        });

        var csvText = await Eventually.GetAsync(async () =>
            Encoding.UTF8.GetString((await fixture.Client.GetByteArrayAsync("/api/coverage/exports/forums.csv"))[3..]) is var text
                && text.Contains(created, StringComparison.Ordinal) ? text : null, "the new forum in the export");
        var html = await fixture.Client.GetStringAsync("/api/coverage/exports/report.html");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var row = TestCsv.Parse(csvText).Single(r => r[0] == created);
        Assert.Equal("'=HYPERLINK(\"http://example.com\")", row[Array.IndexOf(Exports.ForumsCsv.Columns, "purpose")]);
    }

    private sealed record Created(string Id);

    private static async Task<string> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Created>()).Id;
    }
}
