extern alias RegionsService;

using System.Net;
using Grpc.Net.Client;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.Regions.Protos;
using RegionMember = RegionsService::Samverkan.Regions.Model.RegionMember;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>Reads answer the members valid on <c>asOf</c> (default today), over REST and gRPC; the members list keeps every period.</summary>
public sealed class RegionMembersAsOfTests(RegionsFixture fixture) : IClassFixture<RegionsFixture>
{
    private readonly HttpClient _admin = fixture.Client;
    private readonly RegionMembersClient _members = new(fixture.Client);

    [Fact]
    public async Task A_membership_that_ended_is_in_the_region_before_its_end_and_not_after()
    {
        var institution = RegionMembersClient.NewInstitution();
        using (var written = await _members.AddAsync("norra", new RegionMember(institution, false, null, new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31))))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        Assert.Contains(institution, await _members.MemberIdsAsync("/api/regions/norra?asOf=2019-01-01"));
        Assert.Contains(institution, await _members.MemberIdsAsync("/api/regions/norra?asOf=2022-12-31"));
        Assert.DoesNotContain(institution, await _members.MemberIdsAsync("/api/regions/norra?asOf=2023-01-01"));
        Assert.DoesNotContain(institution, await _members.MemberIdsAsync("/api/regions/norra?asOf=2018-12-31"));
        Assert.DoesNotContain(institution, await _members.MemberIdsAsync("/api/regions/norra"));
        var stored = Assert.Single((await _members.ReadAsync("norra")).Members.Members, member => member.InstitutionId == institution);
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2022, 12, 31)), (stored.From, stored.To));
    }

    [Fact]
    public async Task The_list_of_regions_answers_the_members_valid_on_asOf()
    {
        var institution = RegionMembersClient.NewInstitution();
        using (var written = await _members.AddAsync("vastra", new RegionMember(institution, false, null, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31))))
        {
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        }

        var then = await _admin.GetAllAsync<RegionResponse>("/api/regions?asOf=2020-06-01");
        var now = await _admin.GetAllAsync<RegionResponse>("/api/regions");

        Assert.Contains(then.Single(region => region.Id == "vastra").Members, member => member.InstitutionId == institution);
        Assert.DoesNotContain(now.Single(region => region.Id == "vastra").Members, member => member.InstitutionId == institution);
    }

    [Fact]
    public async Task Periods_of_one_institution_that_follow_each_other_are_accepted()
    {
        var institution = RegionMembersClient.NewInstitution();

        using var response = await _members.AddAsync("sodra",
            new RegionMember(institution, true, "Campus Prov", new DateOnly(2019, 1, 1), new DateOnly(2020, 12, 31)),
            new RegionMember(institution, false, null, new DateOnly(2021, 1, 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single((await _admin.GetJsonAsync<RegionResponse>("/api/regions/sodra?asOf=2020-06-01")).Members, m => m.InstitutionId == institution).Partial);
        Assert.False(Assert.Single((await _admin.GetJsonAsync<RegionResponse>("/api/regions/sodra?asOf=2021-01-01")).Members, m => m.InstitutionId == institution).Partial);
    }

    [Fact]
    public async Task Over_grpc_a_region_carries_every_period_and_as_of_answers_the_members_valid_then()
    {
        var institution = RegionMembersClient.NewInstitution();
        using (var written = await _members.AddAsync("stockholm", new RegionMember(institution, false, null, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 31))))
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
