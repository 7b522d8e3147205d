extern alias RegionsService;

using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using RegionsService::Samverkan.Regions.Model;
using Samverkan.Regions.Protos;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

public sealed class RegionsApiTests(RegionsFixture fixture) : IClassFixture<RegionsFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.Client;
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Platform.GrpcUrl("regions"));

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/regions/atlantis");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("atlantis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_one_region_sends_its_version_as_a_strong_etag()
    {
        using var response = await _client.GetAsync("/api/regions/norra");

        var region = await response.ReadJsonAsync<RegionResponse>();
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal($"\"{region.Version}\"", response.Headers.ETag.Tag);
    }

    [Fact]
    public async Task Asking_over_grpc_for_an_unknown_region_is_not_found()
    {
        var client = new RegionDirectory.RegionDirectoryClient(_channel);

        var failure = await Assert.ThrowsAsync<RpcException>(async () => await client.GetRegionAsync(new GetRegionRequest { Id = "atlantis" }));

        Assert.Equal(StatusCode.NotFound, failure.StatusCode);
    }

    [Fact]
    public async Task Asking_over_grpc_for_a_region_answers_as_the_rest_api_does()
    {
        var client = new RegionDirectory.RegionDirectoryClient(_channel);

        var reply = await client.GetRegionAsync(new GetRegionRequest { Id = "sodra" });

        var rest = await _client.GetJsonAsync<RegionResponse>("/api/regions/sodra");
        Assert.Equal((rest.Name, rest.OrdinanceName), (reply.Name, reply.OrdinanceName));
        Assert.Equal(
            rest.Members.Select(m => (m.InstitutionId, m.Partial, m.Note ?? "")),
            reply.Members.Select(m => (m.InstitutionId, m.Partial, m.Note)));
    }

    public void Dispose() => _channel.Dispose();
}
