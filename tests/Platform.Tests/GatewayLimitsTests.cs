using System.Net;
using System.Net.Http.Json;
using System.Text;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// Rate limits per client and the request body limit, at the gateway and in a service; the other
/// parts of this class cover request line and header limits and failed authentications, on the
/// same platform.
/// </summary>
public sealed partial class GatewayLimitsTests(HardenedGatewayFixture fixture)
{
    private HardenedGatewayFixture Fixture => fixture;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_Retry_After_while_another_client_is_still_served()
    {
        var busy = fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("busy"));
        var other = fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("other"));

        var served = 0;
        HttpResponseMessage? refused = null;
        while (refused is null && served < HardenedGatewayFixture.PermitsPerMinute * 2)
        {
            var response = await busy.GetAsync("/api/regions");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
            served++;
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(served >= HardenedGatewayFixture.PermitsPerMinute, $"Refused after {served} requests.");
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            var wait = refused.Headers.RetryAfter?.Delta;
            Assert.True(wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {refused.Headers.RetryAfter}");
        }
        using var otherAnswer = await other.GetAsync("/api/regions");
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        // Probes are never limited: what is checked is that /health is not refused (429). Its own
        // status is the platform's (a 503 when a service's probe times out on a loaded machine).
        using var health = await busy.GetAsync("/health");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_one_MiB_is_refused_with_413_at_the_gateway_and_nothing_is_stored(bool chunked)
    {
        var admin = fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("large"));
        var name = $"Stora högskolan {Guid.NewGuid():N}";
        var body = new { name, kind = "university", abbreviation = new string('x', 1_100_000) };
        using HttpContent content = chunked
            ? JsonContent.Create(body, options: JsonHttp.Options)
            : new StringContent(System.Text.Json.JsonSerializer.Serialize(body, JsonHttp.Options), Encoding.UTF8, "application/json");

        // With a declared length over the limit the gateway answers before it reads the body and
        // closes the connection; a client still writing the body sees a broken pipe instead of the
        // answer. A client sending a large body asks first (Expect: 100-continue), as this one does.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/institutions") { Content = content };
        request.Headers.ExpectContinue = !chunked;
        using var response = await admin.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var found = await admin.GetJsonAsync<Page<Institution>>($"/api/institutions?q={Uri.EscapeDataString(name)}");
        Assert.Empty(found.Items);
    }

    [Fact]
    public async Task A_service_refuses_a_body_over_one_MiB_with_413_too()
    {
        using var institutions = JsonHttp.CreateClient(fixture.Platform.RestUrl("institutions"), fixture.Token(TokenRequest.Admin));
        var name = $"Stora högskolan {Guid.NewGuid():N}";
        using var content = new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { name, kind = "university", abbreviation = new string('x', 1_100_000) }),
            Encoding.UTF8, "application/json");

        using var response = await institutions.PostAsync("/api/institutions", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
