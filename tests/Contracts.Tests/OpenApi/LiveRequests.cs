using System.Text;
using System.Text.Json.Nodes;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>A live answer after its check against the documents: status, ETag, and the JSON body.</summary>
public sealed record LiveAnswer(int Status, string? ETag, JsonNode? Body);

/// <summary>Requests through the gateway whose answers are checked (<see cref="LiveAnswers"/>) as they arrive.</summary>
public sealed class LiveRequests(OpenApiPlatform platform, LiveAnswers answers)
{
    public static async Task<LiveRequests> StartAsync(OpenApiPlatform platform)
    {
        var documents = await Task.WhenAll(OpenApiPlatform.DocumentNames.Select(platform.DocumentAsync));
        return new LiveRequests(platform, new LiveAnswers(documents));
    }

    public IReadOnlyList<string> Failures => answers.Failures;

    /// <summary>The example the document gives for this operation's JSON body.</summary>
    public async Task<JsonNode> ExampleAsync(string document, string template, string method)
    {
        var operation = (await platform.DocumentAsync(document))["paths"]?[template]?[method];
        return operation?["requestBody"]?["content"]?["application/json"]?["example"]?.DeepClone()
            ?? throw new InvalidOperationException($"{document} gives no example for {method} {template}.");
    }

    public Task<LiveAnswer> GetAsync(string path, HttpClient? client = null) => SendAsync(HttpMethod.Get, path, null, client: client);

    public async Task<LiveAnswer> SendAsync(
        HttpMethod method, string path, string? json, string? ifMatch = null, HttpClient? client = null,
        string mediaType = "application/json", string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        using var response = await (client ?? platform.Gateway).SendAsync(request);
        var body = await answers.CheckAsync(response);
        return new LiveAnswer((int)response.StatusCode, response.Headers.ETag?.ToString(), body);
    }

    /// <summary>A GET sending the ETag a client holds: 304 when it is still current.</summary>
    public Task<LiveAnswer> RevalidateAsync(string path, string? etag) => SendAsync(HttpMethod.Get, path, null, ifNoneMatch: etag);

    /// <summary>Creates from the document's example, with <paramref name="adjust"/> applied (a unique name).</summary>
    public async Task<LiveAnswer> CreateAsync(string document, string collection, Action<JsonObject> adjust)
    {
        var example = (await ExampleAsync(document, collection, "post")).AsObject();
        adjust(example);
        var created = await SendAsync(HttpMethod.Post, collection, example.ToJsonString());
        Assert.True(created.Status == 201, $"POST {collection} with the document's example answered {created.Status}: {created.Body}\n{string.Join('\n', Failures)}");
        return created;
    }

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Fails with every mismatch seen.</summary>
    public void AssertAllMatched() =>
        Assert.True(Failures.Count == 0, $"{Failures.Count} answers differ from their documents:\n\n{string.Join("\n\n", Failures)}");
}
