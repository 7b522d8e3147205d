extern alias RegionsService;

using RegionsService::Samverkan.Regions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>
/// Reads and writes a region's memberships as national staff. Tests add memberships of
/// institution ids of their own to the seeded list, so the seeded members (and other tests) are
/// untouched by what each asserts.
/// </summary>
public sealed class RegionMembersClient(HttpClient admin)
{
    public static string NewInstitution() => $"hogskolan-i-prov-{Guid.NewGuid():N}";

    public async Task<(RegionMembersResponse Members, string ETag)> ReadAsync(string region)
    {
        using var response = await admin.GetAsync($"/api/regions/{region}/members");
        return (await response.ReadJsonAsync<RegionMembersResponse>(), response.Headers.ETag!.Tag);
    }

    /// <summary>The region's stored memberships with <paramref name="added"/>, sent with the version read.</summary>
    public async Task<HttpResponseMessage> AddAsync(string region, params RegionMember[] added)
    {
        var (current, etag) = await ReadAsync(region);
        return await PutAsync(region, [.. current.Members, .. added], etag);
    }

    public Task<HttpResponseMessage> PutAsync(string region, IReadOnlyList<RegionMember> members, string? ifMatch, HttpClient? client = null) =>
        (client ?? admin).SendJsonAsync(HttpMethod.Put, $"/api/regions/{region}/members", new { members }, ifMatch);

    public async Task<IReadOnlyList<string>> MemberIdsAsync(string path) =>
        [.. (await admin.GetJsonAsync<RegionResponse>(path)).Members.Select(member => member.InstitutionId)];
}
