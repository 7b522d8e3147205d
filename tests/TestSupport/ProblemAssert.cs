using System.Net;
using System.Text.Json;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>Assertions on RFC 9457 problem responses.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the status, the problem+json media type, and returns the body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>
    /// Asserts a problem as every process answers one (docs/api.md, "Problems"): type, title,
    /// status, detail, instance (the path asked for, without the query) and traceId, all present.
    /// </summary>
    public static async Task<JsonElement> IsCompleteAsync(HttpResponseMessage response, HttpStatusCode status, string instance)
    {
        var problem = await IsProblemAsync(response, status);
        foreach (var member in new[] { "type", "title", "detail", "traceId" })
        {
            Assert.True(problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                $"The problem has no {member}: {problem}");
        }
        Assert.Equal(instance, problem.GetProperty("instance").GetString());
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name exactly these fields.</summary>
    public static async Task NamesFieldsAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        var named = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal);
        Assert.Equal(fields.Order(StringComparer.Ordinal), named);
    }
}
