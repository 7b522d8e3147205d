using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_second_start_on_the_same_data_adds_no_duplicates()
    {
        using var data = new TemporaryDirectory("restart");

        var first = await CountAsync(data.Path);
        var second = await CountAsync(data.Path);

        Assert.True(first.Institutions > 0, "The first start seeded no institutions.");
        Assert.Equal(first, second);
    }

    private static async Task<(int Regions, int Institutions)> CountAsync(string dataDirectory)
    {
        await using var platform = await TestPlatform.StartAsync(dataDirectory);
        using var gateway = JsonHttp.CreateClient(platform.GatewayUrl);
        var regions = await gateway.GetAllAsync<Region>("/api/regions");
        var institutions = await gateway.GetAllAsync<Institution>("/api/institutions");
        return (regions.Count, institutions.Count);
    }
}
