using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>The 2018 mapping's forums as seeded.</summary>
public class SeededForumsTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<IReadOnlyList<string>> SubGroupsOfAsync(string parent) =>
        (await _client.GetAllAsync<ForumResponse>($"/api/forums?parent={parent}")).Select(forum => forum.Id).ToList();

    [Fact]
    public async Task Utbildningsradet_has_six_working_groups_and_rgs_five_local_groups()
    {
        Assert.Equal(6, (await SubGroupsOfAsync("utbildningsradet")).Count);
        Assert.Equal(5, (await SubGroupsOfAsync("rgs")).Count(id => id.StartsWith("los-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Kompetensradet_prepares_for_usb_and_halso_sam_spans_three_groups()
    {
        Assert.Contains("kompetensradet", await SubGroupsOfAsync("usb"));
        Assert.Equal(["medi-sam", "odont-sam", "vard-sam"], (await SubGroupsOfAsync("halso-sam")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Samverkansmote_sydostra_is_the_dormant_forum_of_2018()
    {
        var dormant = await _client.GetAllAsync<ForumResponse>("/api/forums?status=dormant");

        Assert.Equal("samverkansmote-sydostra", Assert.Single(dormant).Id);
    }

    [Fact]
    public async Task Utbildningsradet_shows_the_renamed_county_council_by_its_current_name()
    {
        var forum = await _client.GetJsonAsync<ForumResponse>("/api/forums/utbildningsradet");

        Assert.Contains(forum.Participants, p => p.InstitutionId == "region-stockholm" && p.InstitutionName == "Region Stockholm");
        Assert.Equal(3, forum.Participants.Count(p => p.Capacity == ParticipationCapacity.ExtendedMeetingsOnly));
    }

    [Fact]
    public async Task Dialogforum_reaches_the_county_councils_through_rur()
    {
        var forum = await _client.GetJsonAsync<ForumResponse>("/api/forums/dialogforum");

        var represented = forum.Participants.Where(p => p.Capacity == ParticipationCapacity.RepresentedVia).ToList();
        Assert.Equal(7, represented.Count);
        Assert.All(represented, p => Assert.Equal("rur", p.ViaForumId));
    }
}
