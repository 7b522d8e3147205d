using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Http;

/// <summary>
/// Every problem carries type, title, status, detail, instance and traceId, whoever made it:
/// a service's handler, routing (UseStatusCodePages), the gateway's own refusals. And health is
/// spelt as ASP.NET Core names it, on every process.
/// </summary>
public sealed class ProblemShapeTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("/api/institutions/finns-inte")]
    [InlineData("/api/institutions/finns-inte/ingenting/alls")]
    // Outside the API the web app answers (its own page); an unrouted path under /api is still the gateway's problem.
    [InlineData("/api/ingen/sadan/sokvag")]
    public async Task A_404_from_a_handler_from_routing_or_from_the_gateway_is_a_complete_problem(string path)
    {
        using var response = await fixture.Gateway.GetAsync(path);

        await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task A_field_problem_is_complete_and_its_instance_leaves_out_the_query()
    {
        using var response = await fixture.Gateway.GetAsync("/api/institutions?kind=slott");

        var problem = await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.BadRequest, "/api/institutions");
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_refused_token_is_a_complete_401_problem()
    {
        using var client = JsonHttp.CreateClient(fixture.Platform.GatewayUrl, "not-a-token");

        using var response = await client.GetAsync("/api/regions");

        await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.Unauthorized, "/api/regions");
    }

    [Fact]
    public async Task A_body_the_gateway_refuses_for_its_size_is_a_complete_413_problem()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/regions") { Content = content };
        // As a client sending a large body should: it asks first, so the gateway's early 413 is
        // read instead of racing the upload (without it the socket may close mid-send, EPIPE).
        request.Headers.ExpectContinue = true;

        using var response = await fixture.Gateway.SendAsync(request);

        await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.RequestEntityTooLarge, "/api/regions");
    }

    [Fact]
    public async Task Health_is_spelt_Healthy_by_the_gateway_by_every_service_and_by_alive()
    {
        using var platform = JsonDocument.Parse(await fixture.AnonymousGateway.GetStringAsync("/health"));
        Assert.Equal("Healthy", platform.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", await fixture.AnonymousGateway.GetStringAsync("/alive"));
        foreach (var service in platform.RootElement.GetProperty("services").EnumerateArray())
        {
            var name = service.GetProperty("name").GetString()!;
            using var client = JsonHttp.CreateClient(fixture.Platform.RestUrl(name));
            using var own = JsonDocument.Parse(await client.GetStringAsync("/health"));

            // The gateway reports each service in the service's own words.
            Assert.Equal(own.RootElement.GetProperty("status").GetString(), service.GetProperty("status").GetString());
            Assert.Equal("Healthy", own.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", await client.GetStringAsync("/alive"));
        }
    }
}
