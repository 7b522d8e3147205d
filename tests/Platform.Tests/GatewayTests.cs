using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

public sealed class GatewayTests(PlatformFixture fixture)
{
    private readonly HttpClient gateway = fixture.Gateway;

    [Fact]
    public async Task The_gateway_serves_every_service_and_reports_the_platform_healthy()
    {
        using var health = await gateway.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, $"/health answered {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}");

        var regions = await gateway.GetAllAsync<Region>("/api/regions");
        Assert.Equal(6, regions.Count);

        var institutions = await gateway.GetJsonAsync<Page<Institution>>("/api/institutions");
        Assert.NotEmpty(institutions.Items);
    }

    [Theory]
    [InlineData("region-halland", "sodra", "vastra")]
    [InlineData("linneuniversitetet", "sodra", "sydostra")]
    public async Task The_seeded_regions_include_partial_memberships(string institutionId, string firstRegion, string secondRegion)
    {
        var regions = await gateway.GetAllAsync<Region>("/api/regions");

        var memberships = regions
            .SelectMany(region => region.Members.Where(m => m.InstitutionId == institutionId).Select(m => (Region: region.Id, m.Partial)))
            .OrderBy(m => m.Region, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([(firstRegion, true), (secondRegion, true)], memberships);
    }
}
