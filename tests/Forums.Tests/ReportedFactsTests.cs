using System.Net;
using System.Text;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>
/// Issue 17, item 4: what a source states beside a forum's description: its predecessors (found
/// by their names), institutions it says are not part of it, seats per party, split meeting
/// patterns, kinds of cooperation wished for or absent, and bodies that are not forums.
/// </summary>
public sealed class ReportedFactsTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private const string Rest = """
        "regionIds":["norra"],"participants":[{"institutionId":"umea-universitet","capacity":"member","seats":4}]
        """;

    [Fact]
    public async Task The_facts_are_stored_and_read_back_and_a_predecessor_s_name_finds_the_forum()
    {
        var earlier = $"Tidigare råd {Guid.NewGuid():N}";
        using var response = await PostAsync($$$"""
            {"name":"Ombildat forum {{{Guid.NewGuid():N}}}",{{{Rest}}},
             "predecessors":[{"name":"{{{earlier}}}","change":"reformed","until":"2017","note":"Re-formed."}],
             "nonParticipants":[{"institutionId":"mittuniversitetet","note":"Not part of it."}],
             "meetings":{"min":4,"max":4,"per":"year","parts":[{"min":2,"max":2,"per":"year","form":"physical"},{"min":2,"per":"year","form":"online"}]},
             "cooperationKinds":["overallCooperation"],"wishedCooperationKinds":["jointAdvocacy"],"absentCooperationKinds":["jointReporting"]}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var forum = await fixture.Client.GetJsonAsync<ForumResponse>($"/api/forums/{(await response.ReadJsonAsync<ForumResponse>()).Id}");
        Assert.Equal(ForumKind.Forum, forum.Kind);
        var predecessor = Assert.Single(forum.Predecessors);
        Assert.Equal((earlier, PredecessorChange.Reformed, "2017"), (predecessor.Name, predecessor.Change, predecessor.Until.ToString()));
        Assert.Equal("mittuniversitetet", Assert.Single(forum.NonParticipants).InstitutionId);
        Assert.Equal(4, Assert.Single(forum.Participants).Seats);
        Assert.Equal([MeetingForm.Physical, MeetingForm.Online], forum.Meetings!.Parts!.Select(part => part.Form!.Value));
        Assert.Equal([CooperationKind.JointAdvocacy], forum.WishedCooperationKinds);
        Assert.Equal([CooperationKind.JointReporting], forum.AbsentCooperationKinds);
        var found = await fixture.Client.GetAllAsync<ForumResponse>($"/api/forums?q={Uri.EscapeDataString(earlier)}");
        Assert.Equal(forum.Id, Assert.Single(found).Id);
    }

    [Theory]
    [InlineData("\"predecessors\":[{\"change\":\"reformed\"}]", "predecessors[0].name")]
    [InlineData("\"predecessors\":[{\"name\":\"FoU-rådet\",\"change\":\"reformed\",\"until\":\"2100\"}]", "predecessors[0].until")]
    [InlineData("\"nonParticipants\":[{\"institutionId\":\"umea-universitet\"}]", "nonParticipants[0].institutionId")]
    [InlineData("\"nonParticipants\":[{\"institutionId\":\"no-such-university\"}]", "nonParticipants[0].institutionId")]
    [InlineData("\"nonParticipants\":[{\"institutionId\":\"mittuniversitetet\"},{\"institutionId\":\"mittuniversitetet\"}]", "nonParticipants[1].institutionId")]
    [InlineData("\"cooperationKinds\":[\"jointAdvocacy\"],\"wishedCooperationKinds\":[\"jointAdvocacy\"]", "wishedCooperationKinds[0]")]
    [InlineData("\"wishedCooperationKinds\":[\"jointReporting\"],\"absentCooperationKinds\":[\"jointReporting\"]", "absentCooperationKinds[0]")]
    [InlineData("\"meetings\":{\"parts\":[{\"min\":3,\"max\":2,\"per\":\"year\"}]}", "meetings.parts[0].max")]
    [InlineData("\"meetings\":{\"parts\":[{\"per\":\"year\"}]}", "meetings.parts[0].min")]
    public async Task A_fact_that_does_not_hold_is_refused_naming_it(string fact, string field)
    {
        var name = $"Ombildat forum {Guid.NewGuid():N}";

        using var response = await PostAsync($$"""{"name":"{{name}}",{{Rest}},{{fact}}}""");

        await ProblemAssert.NamesFieldsAsync(response, field);
        Assert.Empty(await fixture.Client.GetAllAsync<ForumResponse>($"/api/forums?q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task Seats_are_at_least_one()
    {
        using var response = await PostAsync($$"""
            {"name":"Ombildat forum {{Guid.NewGuid():N}}","regionIds":["norra"],"participants":[{"institutionId":"umea-universitet","capacity":"member","seats":0}]}
            """);

        await ProblemAssert.NamesFieldsAsync(response, "participants[0].seats");
    }

    /// <summary>The seed, as the 2018 report states it (docs/seed-data.md cites the lines).</summary>
    [Fact]
    public async Task The_seed_holds_what_the_report_states_beside_the_forums()
    {
        var fui = await fixture.Client.GetJsonAsync<ForumResponse>("/api/forums/fui-radet");
        Assert.Equal("FoU-rådet", Assert.Single(fui.Predecessors).Name);
        Assert.Equal([CooperationKind.JointAdvocacy], fui.WishedCooperationKinds);
        Assert.Equal([(MeetingForm.Physical, 2), (MeetingForm.Online, 2)], fui.Meetings!.Parts!.Select(part => (part.Form!.Value, part.Min!.Value)));
        Assert.Equal("fui-radet", Assert.Single(await fixture.Client.GetAllAsync<ForumResponse>("/api/forums?q=FoU-r%C3%A5det")).Id);

        var nuss = await fixture.Client.GetJsonAsync<ForumResponse>("/api/forums/nuss");
        Assert.Equal(11, nuss.Participants.Sum(p => p.Seats));
        var utbildningsradet = await fixture.Client.GetJsonAsync<ForumResponse>("/api/forums/utbildningsradet");
        Assert.Equal(["kungliga-tekniska-hogskolan", "region-gotland", "stockholms-universitet"], utbildningsradet.NonParticipants.Select(n => n.InstitutionId).Order());

        var bodies = await fixture.Client.GetAllAsync<ForumResponse>("/api/forums?kind=otherBody");
        Assert.Equal(["sodra-hr-avtal-och-villkor", "sodra-hr-hyrpersonal", "sodra-hr-kompetensforsorjning", "sodra-ledningsgrupp"], bodies.Select(b => b.Id).Order());
        Assert.Equal("sodra-ledningsgrupp", Assert.Single(await fixture.Client.GetAllAsync<ForumResponse>("/api/forums?q=ledningsgrupp")).Id);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        fixture.Client.PostAsync("/api/forums", new StringContent(json, Encoding.UTF8, "application/json"));
}
