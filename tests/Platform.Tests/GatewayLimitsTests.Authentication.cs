using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>Credentials that fail count against a limit per remote address.</summary>
public sealed partial class GatewayLimitsTests
{
    [Fact]
    public async Task An_address_sending_made_up_keys_is_limited_with_429_and_Retry_After_before_they_are_looked_up()
    {
        // An address of its own, so no other test shares its bucket.
        var address = IPAddress.Parse($"127.0.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(2, 255)}");
        var guesser = Fixture.GatewayFrom(address);

        var refusedAsUnknown = 0;
        HttpResponseMessage? limited = null;
        for (var attempt = 0; attempt < HardenedGatewayFixture.FailedAuthenticationsPerMinute * 4 && limited is null; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
            request.Headers.Add("X-Api-Key", $"svk.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.{Guid.NewGuid():N}");
            var response = await guesser.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
                break;
            }
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            response.Dispose();
            refusedAsUnknown++;
        }

        Assert.NotNull(limited);
        using (limited)
        {
            // At least the limit (a slow run may see a failure come back meanwhile).
            Assert.True(refusedAsUnknown >= HardenedGatewayFixture.FailedAuthenticationsPerMinute, $"Limited after {refusedAsUnknown} failures.");
            await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
            var wait = limited.Headers.RetryAfter?.Delta;
            Assert.True(wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromMinutes(1), $"Retry-After: {limited.Headers.RetryAfter}");
        }
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var bearerAnswer = await guesser.SendAsync(bearer);
        await ProblemAssert.IsProblemAsync(bearerAnswer, HttpStatusCode.TooManyRequests);
        using var anonymous = await guesser.GetAsync("/api/regions");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        using var elsewhere = await Fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("elsewhere")).GetAsync("/api/regions");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
