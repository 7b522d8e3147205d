extern alias RegionsService;

using System.Net;
using System.Text.Json;
using Grpc.Net.Client;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.Local;
using Samverkan.Regions.Protos;
using RegionMember = RegionsService::Samverkan.Regions.Model.RegionMember;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>
/// National staff change a region's memberships through <c>PUT /api/regions/{id}/members</c>.
/// Each test adds memberships of institution ids of its own to the seeded list, so the seeded
/// members (and other tests) are untouched by what it asserts.
/// </summary>
public sealed class RegionMembersApiTests(RegionsFixture fixture) : IClassFixture<RegionsFixture>
{
    private readonly HttpClient _admin = fixture.Client;

    private static string NewInstitution() => $"hogskolan-i-prov-{Guid.NewGuid():N}";

    private async Task<(RegionMembersResponse Members, string ETag)> ReadMembersAsync(string region)
    {
        using var response = await _admin.GetAsync($"/api/regions/{region}/members");
        return (await response.ReadJsonAsync<RegionMembersResponse>(), response.Headers.ETag!.Tag);
    }

    /// <summary>The region's stored memberships with <paramref name="added"/>, sent with the version read.</summary>
    private async Task<HttpResponseMessage> AddAsync(string region, params RegionMember[] added)
    {
        var (current, etag) = await ReadMembersAsync(region);
        return await PutAsync(region, [.. current.Members, .. added], etag);
    }

    private Task<HttpResponseMessage> PutAsync(string region, IReadOnlyList<RegionMember> members, string? ifMatch, HttpClient? client = null) =>
        (client ?? _admin).SendJsonAsync(HttpMethod.Put, $"/api/regions/{region}/members", new { members }, ifMatch);

    private async Task<IReadOnlyList<string>> MemberIdsAsync(string path) =>
        [.. (await _admin.GetJsonAsync<RegionResponse>(path)).Members.Select(member => member.InstitutionId)];

    [Fact]
    public async Task A_membership_that_ended_is_in_the_region_before_its_end_and_not_after()
    {
        var institution = NewInstitution();
        using (var written = await AddAsync("norra", new RegionMember(institution, false, null, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31))))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        Assert.Contains(institution, await MemberIdsAsync("/api/regions/norra?asOf=2019-01-01"));
        Assert.Contains(institution, await MemberIdsAsync("/api/regions/norra?asOf=2022-12-31"));
        Assert.DoesNotContain(institution, await MemberIdsAsync("/api/regions/norra?asOf=2023-01-01"));
        Assert.DoesNotContain(institution, await MemberIdsAsync("/api/regions/norra?asOf=2018-12-31"));
        Assert.DoesNotContain(institution, await MemberIdsAsync("/api/regions/norra"));
        var stored = Assert.Single((await ReadMembersAsync("norra")).Members.Members, member => member.InstitutionId == institution);
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)), (stored.From, stored.To));
    }

    [Fact]
    public async Task The_list_of_regions_answers_the_members_valid_on_asOf()
    {
        var institution = NewInstitution();
        using (var written = await AddAsync("vastra", new RegionMember(institution, false, null, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31))))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        var then = await _admin.GetAllAsync<RegionResponse>("/api/regions?asOf=2020-06-01");
        var now = await _admin.GetAllAsync<RegionResponse>("/api/regions");

        Assert.Contains(then.Single(region => region.Id == "vastra").Members, member => member.InstitutionId == institution);
        Assert.DoesNotContain(now.Single(region => region.Id == "vastra").Members, member => member.InstitutionId == institution);
    }

    [Fact]
    public async Task A_write_answers_every_membership_with_the_new_version_as_etag_and_is_audited()
    {
        var institution = NewInstitution();
        var (before, _) = await ReadMembersAsync("sydostra");

        using var written = await AddAsync("sydostra", new RegionMember(institution, true, "Campus Prov", new DateOnly(2021, 3, 1)));

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
        var (current, etag) = await ReadMembersAsync("stockholm");

        using var response = await PutAsync("stockholm", current.Members, etag);

        Assert.Equal(current.Version, (await response.ReadJsonAsync<RegionMembersResponse>()).Version);
        Assert.Equal(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_memberships_are_unchanged()
    {
        var (current, etag) = await ReadMembersAsync("uppsala-orebro");
        using (var first = await PutAsync("uppsala-orebro", [.. current.Members, new RegionMember(NewInstitution(), false, null)], etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var (afterFirst, _) = await ReadMembersAsync("uppsala-orebro");

        using var stale = await PutAsync("uppsala-orebro", [.. current.Members, new RegionMember(NewInstitution(), false, null)], etag);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        var (afterStale, _) = await ReadMembersAsync("uppsala-orebro");
        Assert.Equal(afterFirst.Version, afterStale.Version);
        Assert.Equal(afterFirst.Members, afterStale.Members);
    }

    [Fact]
    public async Task Two_periods_of_one_institution_that_share_a_day_are_a_problem_naming_the_later_entry()
    {
        var institution = NewInstitution();
        var (current, etag) = await ReadMembersAsync("sodra");
        RegionMember[] members =
        [
            .. current.Members,
            new(institution, false, null, new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31)),
            new(institution, false, null, new DateOnly(2020, 12, 31), null),
        ];

        using var response = await PutAsync("sodra", members, etag);

        await ProblemAssert.NamesFieldsAsync(response, $"members[{members.Length - 1}].from");
        Assert.Equal(current.Version, (await ReadMembersAsync("sodra")).Members.Version);
    }

    [Fact]
    public async Task Periods_of_one_institution_that_follow_each_other_are_accepted()
    {
        var institution = NewInstitution();

        using var response = await AddAsync("sodra",
            new RegionMember(institution, true, "Campus Prov", new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31)),
            new RegionMember(institution, false, null, new DateOnly(2021, 1, 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single((await _admin.GetJsonAsync<RegionResponse>("/api/regions/sodra?asOf=2020-06-01")).Members, m => m.InstitutionId == institution).Partial);
        Assert.False(Assert.Single((await _admin.GetJsonAsync<RegionResponse>("/api/regions/sodra?asOf=2021-01-01")).Members, m => m.InstitutionId == institution).Partial);
    }

    [Fact]
    public async Task An_end_before_the_start_a_partial_membership_without_note_and_no_id_are_problems_naming_each_field()
    {
        RegionMember[] members =
        [
            new(NewInstitution(), false, null, new DateOnly(2022, 1, 1), new DateOnly(2021, 1, 1)),
            new(NewInstitution(), true, null),
            new("", false, null),
        ];

        using var response = await PutAsync("norra", members, null);

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
        using var response = await PutAsync("atlantis", [new RegionMember(NewInstitution(), false, null)], null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_national_staff_may_change_memberships()
    {
        var (current, etag) = await ReadMembersAsync("norra");
        RegionMember[] members = [.. current.Members, new RegionMember(NewInstitution(), false, null)];

        using var anonymous = await PutAsync("norra", members, etag, fixture.AnonymousClient);
        using var editor = await PutAsync("norra", members, etag, fixture.ClientAs(TokenRequest.Editor("umea-universitet")));
        using var partner = await PutAsync("norra", members, etag, fixture.ClientAs(TokenRequest.PartnerSystem("prov-partner")));

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(editor, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(partner, HttpStatusCode.Forbidden);
        Assert.Equal(current.Version, (await ReadMembersAsync("norra")).Members.Version);
    }

    [Fact]
    public async Task Over_grpc_a_region_carries_every_period_and_as_of_answers_the_members_valid_then()
    {
        var institution = NewInstitution();
        using (var written = await AddAsync("stockholm", new RegionMember(institution, false, null, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31))))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }
        using var channel = GrpcChannel.ForAddress(fixture.Platform.GrpcUrl("regions"));
        var client = new RegionDirectory.RegionDirectoryClient(channel);

        var every = await client.GetRegionAsync(new GetRegionRequest { Id = "stockholm" });
        var then = await client.GetRegionAsync(new GetRegionRequest { Id = "stockholm", AsOf = "2017-06-30" });
        var later = await client.GetRegionAsync(new GetRegionRequest { Id = "stockholm", AsOf = "2018-01-01" });

        var member = Assert.Single(every.Members, m => m.InstitutionId == institution);
        Assert.Equal(("2017-01-01", "2017-12-31"), (member.From, member.To));
        Assert.Contains(then.Members, m => m.InstitutionId == institution);
        Assert.DoesNotContain(later.Members, m => m.InstitutionId == institution);
        Assert.Contains(later.Members, m => m.InstitutionId == "karolinska-institutet" && m.From == "" && m.To == "");
    }

    [Theory]
    [InlineData("2019-13-01")]
    [InlineData("yesterday")]
    [InlineData("2100-01-01")]
    public async Task An_asOf_that_is_not_a_date_up_to_today_is_a_problem_naming_it(string asOf)
    {
        using var one = await _admin.GetAsync($"/api/regions/norra?asOf={asOf}");
        using var all = await _admin.GetAsync($"/api/regions?asOf={asOf}");

        await ProblemAssert.NamesFieldsAsync(one, "asOf");
        await ProblemAssert.NamesFieldsAsync(all, "asOf");
    }
}
