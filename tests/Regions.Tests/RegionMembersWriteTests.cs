extern alias RegionsService;

using System.Net;
using System.Text.Json;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>National staff change a region's memberships through <c>PUT /api/regions/{id}/members</c>; everyone else is refused.</summary>
public sealed class RegionMembersWriteTests(RegionsFixture fixture) : IClassFixture<RegionsFixture>
{
    private readonly HttpClient _admin = fixture.Client;
    private readonly RegionMembersClient _members = new(fixture.Client);

    [Fact]
    public async Task A_write_answers_every_membership_with_the_new_version_as_etag_and_is_audited()
    {
        var institution = RegionMembersClient.NewInstitution();
        var (before, _) = await _members.ReadAsync("sydostra");

        using var written = await _members.AddAsync("sydostra", new RegionMember(institution, true, "Campus Prov", new DateOnly(2021, 3, 1)));

        var answer = await written.ReadJsonAsync<RegionMembersResponse>();
        Assert.Equal(before.Version + 1, answer.Version);
        Assert.Equal($"\"{answer.Version}\"", written.Headers.ETag!.Tag);
        Assert.Equal(before.Members.Count + 1, answer.Members.Count);
        var member = Assert.Single(answer.Members, m => m.InstitutionId == institution);
        Assert.Equal((true, "Campus Prov"), (member.Partial, member.Note));
        var records = await _admin.GetAllAsync<JsonElement>("/api/audit?entity=region:sydostra");
        Assert.Contains(records, record => record.GetProperty("after").GetRawText().Contains(institution, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sending_the_stored_list_again_changes_nothing_and_keeps_the_version()
    {
        var (current, etag) = await _members.ReadAsync("stockholm");

        using var response = await _members.PutAsync("stockholm", current.Members, etag);

        Assert.Equal(current.Version, (await response.ReadJsonAsync<RegionMembersResponse>()).Version);
        Assert.Equal(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_memberships_are_unchanged()
    {
        var (current, etag) = await _members.ReadAsync("uppsala-orebro");
        using (var first = await _members.PutAsync("uppsala-orebro", [.. current.Members, new RegionMember(RegionMembersClient.NewInstitution(), false, null)], etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var (afterFirst, _) = await _members.ReadAsync("uppsala-orebro");

        using var stale = await _members.PutAsync("uppsala-orebro", [.. current.Members, new RegionMember(RegionMembersClient.NewInstitution(), false, null)], etag);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var (afterStale, _) = await _members.ReadAsync("uppsala-orebro");
        Assert.Equal(afterFirst.Version, afterStale.Version);
        Assert.Equal(afterFirst.Members, afterStale.Members);
    }

    [Fact]
    public async Task Two_periods_of_one_institution_that_share_a_day_are_a_problem_naming_the_later_entry()
    {
        var institution = RegionMembersClient.NewInstitution();
        var (current, etag) = await _members.ReadAsync("sodra");
        RegionMember[] members =
        [
            .. current.Members,
            new(institution, false, null, new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31)),
            new(institution, false, null, new DateOnly(2020, 12, 31), null),
        ];

        using var response = await _members.PutAsync("sodra", members, etag);

        await ProblemAssert.NamesFieldsAsync(response, $"members[{members.Length - 1}].from");
        Assert.Equal(current.Version, (await _members.ReadAsync("sodra")).Members.Version);
    }

    [Fact]
    public async Task An_end_before_the_start_a_partial_membership_without_note_and_no_id_are_problems_naming_each_field()
    {
        RegionMember[] members =
        [
            new(RegionMembersClient.NewInstitution(), false, null, new DateOnly(2022, 1, 1), new DateOnly(2021, 1, 1)),
            new(RegionMembersClient.NewInstitution(), true, null),
            new("", false, null),
        ];

        using var response = await _members.PutAsync("norra", members, null);

        await ProblemAssert.NamesFieldsAsync(response, "members[0].to", "members[1].note", "members[2].institutionId");
    }

    [Fact]
    public async Task A_body_without_members_or_with_an_unknown_field_is_refused()
    {
        using var missing = await _admin.SendJsonAsync(HttpMethod.Put, "/api/regions/norra/members", new { });
        using var unknown = await _admin.SendJsonAsync(HttpMethod.Put, "/api/regions/norra/members",
            new { members = Array.Empty<object>(), colour = "blue" });

        await ProblemAssert.NamesFieldsAsync(missing, "members");
        await ProblemAssert.NamesFieldsAsync(unknown, "colour");
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_problem()
    {
        using var response = await _members.PutAsync("atlantis", [new RegionMember(RegionMembersClient.NewInstitution(), false, null)], null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_national_staff_may_change_memberships()
    {
        var (current, etag) = await _members.ReadAsync("norra");
        RegionMember[] members = [.. current.Members, new RegionMember(RegionMembersClient.NewInstitution(), false, null)];

        using var anonymous = await _members.PutAsync("norra", members, etag, fixture.AnonymousClient);
        using var editor = await _members.PutAsync("norra", members, etag, fixture.ClientAs(TokenRequest.Editor("umea-universitet")));
        using var partner = await _members.PutAsync("norra", members, etag, fixture.ClientAs(TokenRequest.PartnerSystem("prov-partner")));

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(editor, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partner, HttpStatusCode.Forbidden);
        Assert.Equal(current.Version, (await _members.ReadAsync("norra")).Members.Version);
    }
}
