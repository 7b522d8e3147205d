using System.Net;
using System.Text.Json;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Api;

/// <summary>
/// The app's one way to the registry: the public API through the gateway, with the signed-in
/// user's own token (<see cref="UserTokenHandler"/>), so every rule of the API holds here too.
/// This part is the HTTP mechanics (reads, writes with If-Match, problems); the resources are
/// in the other parts of the class.
/// </summary>
public sealed partial class RegistryApi(HttpClient http)
{
    private const int PageLimit = 1000;
    private const int MaxPages = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One resource, or null when the API answers 404.</summary>
    private async Task<Versioned<T>?> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
        await EnsureReadAsync(response, path, cancellationToken);
        var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiUnavailableException($"GET {path} answered an empty body.");
        return new Versioned<T>(value, response.Headers.ETag?.Tag ?? "");
    }

    /// <summary>Every item of a list, following <c>nextCursor</c> (bounded, so a runaway list cannot hold a page forever).</summary>
    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var url = QueryPath.With(path, ("limit", QueryPath.Number(PageLimit)), ("cursor", cursor));
            var answer = await GetAsync<Page<T>>(url, cancellationToken);
            if (answer is null)
            {
                break;
            }
            items.AddRange(answer.Value.Items);
            cursor = answer.Value.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }
        return items;
    }

    private async Task<WriteResult> WriteAsync(HttpMethod method, string path, HttpContent? content, string? etag, CancellationToken cancellationToken) =>
        (await WriteAsync<object>(method, path, content, etag, read: null, cancellationToken)).Result;

    /// <summary>A write whose answer's body the page needs (a secret shown once, a ping's outcome): null unless it succeeded.</summary>
    private Task<(WriteResult Result, T? Value)> WriteAsync<T>(HttpMethod method, string path, HttpContent? content, string? etag, CancellationToken cancellationToken)
        where T : class =>
        WriteAsync(method, path, content, etag, body => body.ReadFromJsonAsync<T>(Json, cancellationToken), cancellationToken);

    private async Task<(WriteResult Result, T? Value)> WriteAsync<T>(
        HttpMethod method, string path, HttpContent? content, string? etag, Func<HttpContent, Task<T?>>? read, CancellationToken cancellationToken)
        where T : class
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (!string.IsNullOrEmpty(etag))
        {
            request.Headers.IfMatch.Add(EntityTags.Header(etag));
        }
        using var response = await SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var value = read is null ? null : await read(response.Content);
            return (new WriteResult((int)response.StatusCode, response.Headers.ETag?.Tag, null), value);
        }
        if ((int)response.StatusCode >= 500)
        {
            throw new ApiUnavailableException($"{method} {path} answered {(int)response.StatusCode}.");
        }
        return (new WriteResult((int)response.StatusCode, null, await ProblemAsync(response, cancellationToken)), null);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new ApiUnavailableException($"{request.Method} {request.RequestUri} could not be sent.", e);
            }
        }
    }

    private static async Task EnsureReadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ProblemAsync(response, cancellationToken);
            throw (int)response.StatusCode < 500
                ? new ApiRefusedException(path, problem)
                : new ApiUnavailableException($"GET {path} answered {(int)response.StatusCode}: {problem.Title}");
        }
    }

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(message => message.ToString())]
                        : [field.Value.ToString()];
                }
            }
            return new ApiProblem(status, Text(root, "title"), Text(root, "detail"), errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, response.ReasonPhrase, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
