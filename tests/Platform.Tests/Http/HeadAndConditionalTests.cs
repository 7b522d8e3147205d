using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Http;

/// <summary>HEAD, If-None-Match and Content-Type through the gateway, on every service's reads.</summary>
public sealed class HeadAndConditionalTests(PlatformFixture fixture)
{
    private readonly HttpClient gateway = fixture.Gateway;

    public static TheoryData<string> VersionedReads() =>
    [
        "/api/regions/sodra",
        "/api/institutions/umea-universitet",
    ];

    [Theory]
    [MemberData(nameof(VersionedReads))]
    public async Task HEAD_through_the_gateway_answers_the_GET_headers_without_a_body(string path)
    {
        using var get = await gateway.GetAsync(path);
        using var head = await gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/institutions")]
    [InlineData("/api/exports/forums.csv")]
    public async Task HEAD_works_on_lists_exports_and_the_gateways_own_endpoints(string path)
    {
        using var head = await gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(VersionedReads))]
    public async Task A_read_whose_ETag_the_client_has_answers_304_through_the_gateway(string path)
    {
        using var first = await gateway.GetAsync(path);
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true));

        using var again = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    // Regions takes no POST (its only write is PUT /api/regions/{id}/members; a POST answers 404: see docs/api.md, "Content-Type").
    [Theory]
    [InlineData("/api/institutions")]
    [InlineData("/api/forums")]
    [InlineData("/api/contacts")]
    [InlineData("/api/subscriptions")]
    public async Task A_body_sent_as_text_is_a_415_problem_on_every_service(string path)
    {
        using var response = await gateway.PostAsync(path, new StringContent("{}", Encoding.UTF8, "text/plain"));

        var problem = await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.UnsupportedMediaType, path);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
