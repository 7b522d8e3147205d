using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>The HTTP defaults of ServiceDefaults, seen on one service: conditional reads, HEAD, 415.</summary>
public class ConditionalAndHeadTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<(string Path, string ETag)> CreateAsync()
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { name = $"Villkorlig högskola {Guid.NewGuid():N}", kind = "university" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync<InstitutionResponse>();
        return ($"/api/institutions/{created.Id}", response.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> GetIfNoneMatchAsync(string path, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await _client.SendAsync(request);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("W/{0}")]
    [InlineData("\"0\", {0}")]
    [InlineData("*")]
    public async Task A_read_whose_If_None_Match_names_the_current_version_answers_304_without_a_body(string header)
    {
        var (path, etag) = await CreateAsync();

        using var response = await GetIfNoneMatchAsync(path, string.Format(System.Globalization.CultureInfo.InvariantCulture, header, etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_read_after_a_change_answers_200_with_the_new_version_though_the_old_ETag_is_sent()
    {
        var (path, etag) = await CreateAsync();
        using var update = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent("{\"name\":\"Ändrad villkorlig högskola " + Guid.NewGuid().ToString("N") + "\",\"kind\":\"university\"}", Encoding.UTF8, "application/json"),
        };
        using var updated = await _client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        using var response = await GetIfNoneMatchAsync(path, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_If_None_Match_on_an_unknown_id_is_still_a_404_problem()
    {
        using var response = await GetIfNoneMatchAsync("/api/institutions/finns-inte", "*");

        await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.NotFound, "/api/institutions/finns-inte");
    }

    [Fact]
    public async Task HEAD_answers_the_headers_of_GET_without_a_body()
    {
        var (path, etag) = await CreateAsync();

        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag?.Tag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_in_another_media_type_or_none_is_a_415_problem_naming_application_json(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"Fel medietyp\",\"kind\":\"university\"}"));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await _client.PostAsync("/api/institutions", content);

        var problem = await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.UnsupportedMediaType, "/api/institutions");
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_patch_sent_as_plain_json_is_a_415_problem_naming_the_merge_patch_type()
    {
        var (path, _) = await CreateAsync();
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent("{\"abbreviation\":\"VH\"}", Encoding.UTF8, "application/json") };

        using var response = await _client.SendAsync(request);

        var problem = await ProblemAssert.IsCompleteAsync(response, HttpStatusCode.UnsupportedMediaType, path);
        Assert.Contains("application/merge-patch+json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
