using System.Net;
using System.Security.Cryptography;

namespace Samverkan.Platform.Tests;

/// <summary>
/// Behind the known proxy (HardenedGatewayFixture.KnownProxy, as the Ingress controller), the
/// per-address limits count the client the proxy forwards for; from anywhere else a forwarded
/// header counts for nothing, so a client cannot pick its own address.
/// </summary>
public sealed partial class GatewayLimitsTests
{
    [Fact]
    public async Task Behind_the_known_proxy_failed_credentials_count_against_the_forwarded_client_and_not_against_the_proxy()
    {
        var proxy = Fixture.GatewayFrom(HardenedGatewayFixture.KnownProxy);
        var guesser = DocumentationAddress();
        var neighbour = DocumentationAddress();

        var failures = await FailUntilLimitedAsync(proxy, () => guesser);

        Assert.True(failures >= HardenedGatewayFixture.FailedAuthenticationsPerMinute, $"Limited after {failures} failures.");
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendMadeUpKeyAsync(proxy, guesser));
        // The same proxy, another client behind it: a bucket of its own.
        Assert.Equal(HttpStatusCode.Unauthorized, await SendMadeUpKeyAsync(proxy, neighbour));
    }

    [Fact]
    public async Task A_forwarded_address_from_a_connection_that_is_no_known_proxy_is_ignored()
    {
        // Loopback, which ASP.NET Core would trust by default, and not the known proxy.
        var address = IPAddress.Parse($"127.0.{RandomNumberGenerator.GetInt32(1, 255)}.{RandomNumberGenerator.GetInt32(2, 255)}");
        var client = Fixture.GatewayFrom(address);

        // A new forwarded address each time: were any believed, no bucket would ever run dry.
        var failures = await FailUntilLimitedAsync(client, DocumentationAddress);

        Assert.True(failures >= HardenedGatewayFixture.FailedAuthenticationsPerMinute, $"Limited after {failures} failures.");
    }

    /// <summary>Made-up keys until the gateway answers 429; the number of 401s before it.</summary>
    private static async Task<int> FailUntilLimitedAsync(HttpClient client, Func<IPAddress> forwardedFor)
    {
        for (var failures = 0; failures < HardenedGatewayFixture.FailedAuthenticationsPerMinute * 4; failures++)
        {
            var status = await SendMadeUpKeyAsync(client, forwardedFor());
            if (status == HttpStatusCode.TooManyRequests)
            {
                return failures;
            }
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
        Assert.Fail($"Never limited after {HardenedGatewayFixture.FailedAuthenticationsPerMinute * 4} made-up keys.");
        return 0;
    }

    private static async Task<HttpStatusCode> SendMadeUpKeyAsync(HttpClient client, IPAddress forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        request.Headers.Add("X-Api-Key", $"svk.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.{Guid.NewGuid():N}");
        request.Headers.Add("X-Forwarded-For", forwardedFor.ToString());
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    // In 2001:db8::/32, kept for documentation (RFC 3849): never a real client, and a fresh one for each use.
    private static IPAddress DocumentationAddress() => new((byte[])[0x20, 0x01, 0x0d, 0xb8, .. RandomNumberGenerator.GetBytes(12)]);
}
