using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Samverkan.Platform.Tests;

/// <summary>What browsers are told: CORS for the configured origin only, and the security headers.</summary>
public sealed partial class GatewayBrowserTests(HardenedGatewayFixture fixture)
{
    private const string OtherOrigin = "https://elsewhere.test";

    [Fact]
    public async Task A_preflight_from_the_allowed_origin_is_answered_with_that_origin_and_credentials()
    {
        using var response = await PreflightAsync(HardenedGatewayFixture.AllowedOrigin);

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}.");
        Assert.Equal([HardenedGatewayFixture.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["true"], response.Headers.GetValues("Access-Control-Allow-Credentials"));
        Assert.Contains("PUT", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preflight_or_a_request_from_another_origin_gets_no_CORS_headers()
    {
        using var preflight = await PreflightAsync(OtherOrigin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        request.Headers.Add("Origin", OtherOrigin);
        using var response = await fixture.AnonymousGateway().SendAsync(request);

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_request_from_the_allowed_origin_may_read_the_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        request.Headers.Add("Origin", HardenedGatewayFixture.AllowedOrigin);
        using var response = await fixture.AnonymousGateway().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([HardenedGatewayFixture.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/regions", HttpStatusCode.OK)]
    [InlineData("/api/regions/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/api/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/api/audit", HttpStatusCode.Unauthorized)]
    public async Task Every_answer_carries_the_security_headers_and_no_Server_header(string path, HttpStatusCode status)
    {
        using var response = await fixture.AnonymousGateway().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["default-src 'none'; frame-ancestors 'none'"], response.Headers.GetValues("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(',', response.Headers.Server)}");
        // Plain HTTP: HSTS is for answers over TLS only.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_API_reference_page_may_run_its_own_inline_script_and_nothing_else_inline()
    {
        using var response = await fixture.AnonymousGateway().GetAsync("/api-reference/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSource = Assert.Single(policy.Split(';', StringSplitOptions.TrimEntries), directive => directive.StartsWith("script-src ", StringComparison.Ordinal));
        var inline = Assert.Single(InlineScript().Matches(page)).Groups["body"].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));
        Assert.Equal($"script-src 'self' 'sha256-{hash}'", scriptSource);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_a_service_serves_keeps_the_policy_the_service_gave_it()
    {
        using var response = await fixture.AnonymousGateway().GetAsync("/api/exports/report.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("style-src 'unsafe-inline'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/institutions/uppsala-universitet");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, if-match");
        return await fixture.AnonymousGateway().SendAsync(request);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc\\s*=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
