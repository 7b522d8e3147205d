using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>API keys, callers and the audit trail, for the access tests.</summary>
public static class AccessClient
{
    /// <summary>A partner id no other test uses.</summary>
    public static string NewPartner(string prefix = "partner") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>Creates a key as national staff; returns the answer and the key it shows once.</summary>
    public static async Task<(JsonElement Body, string Key)> CreateApiKeyAsync(this HttpClient admin, string partner, bool personalData = false)
    {
        using var response = await admin.PostJsonAsync("/api/api-keys", new { partner, description = "Prov", personalData });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync<JsonElement>();
        return (body, body.GetProperty("key").GetString()!);
    }

    /// <summary>A JSON client that authenticates with an API key.</summary>
    public static HttpClient KeyClient(Uri baseAddress, string key)
    {
        var client = JsonHttp.CreateClient(baseAddress);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>The audit records of one entity (<c>subscription:sub_…</c>) or type, oldest first, as raw JSON.</summary>
    public static Task<List<JsonElement>> AuditAsync(this HttpClient admin, string entity) =>
        admin.GetAllAsync<JsonElement>($"/api/audit?entity={Uri.EscapeDataString(entity)}");

    public static IEnumerable<string> Actions(this IEnumerable<JsonElement> records) =>
        records.Select(record => record.GetProperty("action").GetString()!);

    public static async Task<string> TextAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
