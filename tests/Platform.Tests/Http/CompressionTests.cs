using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Http;

/// <summary>
/// gzip and Brotli through the gateway: a service's answer is compressed once, by the service,
/// and passed through; the gateway compresses its own pages; the change stream is never compressed.
/// </summary>
public sealed class CompressionTests(PlatformFixture fixture)
{
    private async Task<HttpResponseMessage> GetAsync(string path, string encoding, bool headersOnly = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        return await fixture.Gateway.SendAsync(request, headersOnly ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead);
    }

    private static async Task<string> DecompressOnceAsync(HttpResponseMessage response)
    {
        var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding switch
        {
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected Content-Encoding {encoding}."),
        };
        using var reader = new StreamReader(decompressed);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_service_answer_reaches_the_client_compressed_once_in_the_encoding_it_asked_for(string encoding)
    {
        using var response = await GetAsync("/api/institutions?limit=50", encoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        // Compressed twice, one decompression would leave bytes that are not JSON.
        using var page = JsonDocument.Parse(await DecompressOnceAsync(response));
        Assert.NotEmpty(page.RootElement.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/exports/forums.csv", "text/csv")]
    [InlineData("/api/forums/finns-inte", "application/problem+json")]
    [InlineData("/api-reference/", "text/html")]
    [InlineData("/health", "application/json")]
    public async Task Csv_problems_and_the_gateways_own_pages_are_compressed_too(string path, string mediaType)
    {
        using var response = await GetAsync(path, "gzip");

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await DecompressOnceAsync(response));
    }

    [Fact]
    public async Task An_answer_to_a_client_that_accepts_no_encoding_is_sent_as_it_is()
    {
        using var response = await GetAsync("/api/institutions?limit=5", "identity");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_change_stream_is_never_compressed_so_events_arrive_one_by_one()
    {
        using var response = await GetAsync("/api/changes/stream", "gzip, br", headersOnly: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
