using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

public class ForumsApiTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static object NewForum(string? parentId = null, params object[] participants) => new
    {
        name = $"Testforum {Guid.NewGuid():N}",
        regionIds = new[] { "norra" },
        parentId,
        participants = participants.Length > 0 ? participants : [new { institutionId = "umea-universitet", capacity = "member" }],
        meetings = new { min = 2, max = 4, per = "year", form = "mixed" },
        cooperationKinds = new[] { "informationExchange" },
    };

    private async Task<ForumResponse> CreateAsync(object forum)
    {
        using var response = await _client.PostJsonAsync("/api/forums", forum);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<ForumResponse>();
    }

    [Fact]
    public async Task A_new_forum_lists_its_participants_by_their_current_names()
    {
        var created = await CreateAsync(NewForum(null,
            new { institutionId = "region-vasterbotten", capacity = "member" },
            new { institutionId = "umea-universitet", capacity = "invited" }));

        var read = await _client.GetJsonAsync<ForumResponse>($"/api/forums/{created.Id}");
        Assert.Equal(["Region Västerbotten", "Umeå universitet"], read.Participants.Select(p => p.InstitutionName));
        Assert.Equal(ParticipationCapacity.Invited, read.Participants[1].Capacity);
        Assert.Equal(MunicipalityParticipation.Unknown, read.MunicipalitiesTakePart);
        Assert.Equal(ForumStatus.Active, read.Status);
    }

    [Fact]
    public async Task Unknown_institutions_and_regions_are_problems_naming_each_field()
    {
        using var response = await _client.PostJsonAsync("/api/forums", new
        {
            name = "Felaktigt forum",
            regionIds = new[] { "norra", "atlantis" },
            participants = new[] { new { institutionId = "umea-universitet" }, new { institutionId = "no-such-university" } },
        });

        await ProblemAssert.NamesFieldsAsync(response, "participants[1].institutionId", "regionIds[1]");
    }

    [Fact]
    public async Task An_unknown_nested_field_is_named_with_its_path()
    {
        using var response = await _client.PostJsonAsync("/api/forums", new
        {
            name = "Forum",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet", colour = "blue" } },
        });

        await ProblemAssert.NamesFieldsAsync(response, "participants[0].colour");
    }

    [Fact]
    public async Task A_represented_participant_must_name_what_it_is_represented_through()
    {
        using var response = await _client.PostJsonAsync("/api/forums",
            NewForum(null, new { institutionId = "region-norrbotten", capacity = "representedVia" }));

        await ProblemAssert.NamesFieldsAsync(response, "participants[0].viaForumId");
    }

    [Fact]
    public async Task A_forum_cannot_become_a_subgroup_of_its_own_subgroup()
    {
        var parent = await CreateAsync(NewForum());
        var child = await CreateAsync(NewForum(parent.Id));

        using var response = await PutAsync(parent.Id, NewForum(child.Id), $"\"{parent.Version}\"");

        await ProblemAssert.NamesFieldsAsync(response, "parentId");
        Assert.Null((await _client.GetJsonAsync<ForumResponse>($"/api/forums/{parent.Id}")).ParentId);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_stored_forum_is_unchanged()
    {
        var created = await CreateAsync(NewForum());
        using (var first = await PutAsync(created.Id, NewForum(), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var afterFirst = await _client.GetJsonAsync<ForumResponse>($"/api/forums/{created.Id}");

        using var stale = await PutAsync(created.Id, NewForum(), "\"1\"");

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var stored = await _client.GetJsonAsync<ForumResponse>($"/api/forums/{created.Id}");
        Assert.Equal((afterFirst.Name, 2L), (stored.Name, stored.Version));
    }

    [Fact]
    public async Task A_forum_with_subgroups_cannot_be_deleted_but_a_leaf_can()
    {
        var parent = await CreateAsync(NewForum());
        var child = await CreateAsync(NewForum(parent.Id));

        using (var refused = await _client.DeleteAsync($"/api/forums/{parent.Id}"))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        }
        using (var deleted = await _client.DeleteAsync($"/api/forums/{child.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using var gone = await _client.GetAsync($"/api/forums/{child.Id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_by_institution_finds_the_forums_it_takes_part_in()
    {
        var created = await CreateAsync(NewForum(null, new { institutionId = "mittuniversitetet", capacity = "member" }));

        var found = await _client.GetAllAsync<ForumResponse>("/api/forums?institution=mittuniversitetet&limit=2");

        Assert.Contains(found, forum => forum.Id == created.Id);
        Assert.All(found, forum => Assert.Contains(forum.Participants, p => p.InstitutionId == "mittuniversitetet"));
    }

    private Task<HttpResponseMessage> PutAsync(string id, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/forums/{id}") { Content = JsonContent.Create(body, options: JsonHttp.Options) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return _client.SendAsync(request);
    }
}
