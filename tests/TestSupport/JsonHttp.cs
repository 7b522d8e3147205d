using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.TestSupport;

/// <summary>One page of a list, as every list endpoint answers it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>JSON over HTTP the way the API speaks it: camelCase, enums as camelCase strings.</summary>
public static class JsonHttp
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <remarks>
    /// The client is an outside caller: it sends the trace headers a test sets and no others. With
    /// a service hosted in the test process, that service's telemetry traces the process's
    /// outgoing HTTP and adds a <c>traceparent</c> of its own beside the test's; without a
    /// propagator the handler reports nothing to it.
    /// </remarks>
    public static HttpClient CreateClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>A client that sends <paramref name="token"/> as its bearer token on every request.</summary>
    public static HttpClient CreateClient(Uri baseAddress, string token)
    {
        var client = CreateClient(baseAddress);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>GETs and reads the body; a non-success status fails with the status and the body.</summary>
    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadJsonAsync<T>();
    }

    /// <summary>Every item of a list, following <c>nextCursor</c> through all pages.</summary>
    public static async Task<List<T>> GetAllAsync<T>(this HttpClient client, string path)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync<Page<T>>(cursor is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return items;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PostAsJsonAsync(path, body, Options);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string path, T body) =>
        client.PutAsJsonAsync(path, body, Options);

    /// <summary>A request with an optional JSON body (a JsonNode goes as written, so a test can send back what it read), media type and If-Match.</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, new MediaTypeHeaderValue(mediaType), Options);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return await client.SendAsync(request);
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }
        return await response.Content.ReadFromJsonAsync<T>(Options)
            ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered null.");
    }
}
