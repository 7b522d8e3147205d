using System.Net;
using Microsoft.Extensions.Options;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>The production default, Webhooks:AllowPrivateTargets=false (local runs and the other tests allow them).</summary>
public class PrivateTargetTests(RefusingFixture fixture) : IClassFixture<RefusingFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://localhost:8443/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.20.0.5/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://203.0.113.10/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://[64:ff9b::10.0.0.1]/hook")]
    [InlineData("https://[2002:a00:1::1]/hook")]
    [InlineData("https://[::127.0.0.1]/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("https://[ff02::1]/hook")]
    [InlineData("http://9.9.9.9/hook")]
    public async Task A_target_on_a_special_purpose_address_or_without_https_is_refused_naming_the_url(string url)
    {
        using var response = await _client.PostJsonAsync("/api/subscriptions", new { url });

        await ProblemAssert.NamesFieldsAsync(response, "url");
    }

    [Fact]
    public async Task A_public_https_target_is_accepted_and_cannot_be_patched_to_a_private_one()
    {
        var (created, etag) = await _client.CreateSubscriptionAsync(new { url = "https://9.9.9.9/hook" });

        using var response = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{created.GetProperty("id").GetString()}",
            new { url = "https://127.0.0.1/hook" }, etag);

        await ProblemAssert.NamesFieldsAsync(response, "url");
    }

    [Fact]
    public async Task The_connection_check_refuses_a_private_address_at_delivery_time_too()
    {
        // A name may point elsewhere by the time of delivery (DNS rebinding): the delivery client
        // checks the address it connects to, whatever was checked when the subscription was written.
        await using var receiver = await WebhookReceiver.StartAsync();
        var policy = new TargetPolicy(Options.Create(new WebhookOptions { AllowPrivateTargets = false }));
        using var refusing = new HttpClient(new SocketsHttpHandler { ConnectCallback = policy.ConnectAsync });
        var allowing = new TargetPolicy(Options.Create(new WebhookOptions { AllowPrivateTargets = true }));
        using var permitted = new HttpClient(new SocketsHttpHandler { ConnectCallback = allowing.ConnectAsync });
        var localhost = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => refusing.PostAsync(localhost, new StringContent("{}")));
        Assert.Contains("Refused", refused.Message + refused.InnerException?.Message);
        using var answered = await permitted.PostAsync(localhost, new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Single(receiver.Received);
    }
}
