using System.Net;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Http;

/// <summary>
/// On a gateway that allows a browser origin, every answer says it varies by Origin, so no
/// cache serves one origin's answer (or a server's, without CORS headers) to another; and its
/// rate-limit refusal is a complete problem.
/// </summary>
public sealed class VaryByOriginTests(HardenedGatewayFixture fixture)
{
    [Theory]
    [InlineData(HardenedGatewayFixture.AllowedOrigin)]
    [InlineData("https://elsewhere.test")]
    [InlineData(null)]
    public async Task Every_answer_varies_by_Origin_whether_or_not_the_request_had_one(string? origin)
    {
        var client = fixture.AnonymousGateway();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(response.Headers.Vary, name => name.Equals("Origin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_problem_varies_by_Origin_too()
    {
        var client = fixture.AnonymousGateway();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/finns-inte");
        request.Headers.Add("Origin", HardenedGatewayFixture.AllowedOrigin);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.NotFound, "/api/regions/finns-inte");
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.Equal([HardenedGatewayFixture.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_a_complete_429_problem()
    {
        var client = fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("vary-rate"));
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= HardenedGatewayFixture.PermitsPerMinute && refused is null; i++)
        {
            var response = await client.GetAsync("/api/regions");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            await ProblemAssert.IsCompleteAsync(refused, HttpStatusCode.TooManyRequests, "/api/regions");
        }
    }
}
