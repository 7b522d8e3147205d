using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>A page of the change feed as the wire has it.</summary>
public sealed record ChangesPage(List<JsonElement> Events, string Next);

/// <summary>The feed and subscription endpoints, read as raw JSON so the tests check the wire contract.</summary>
public static class ApiClient
{
    public static Task<ChangesPage> GetChangesAsync(this HttpClient client, string after = "0", int limit = 1000, string? types = null) =>
        client.GetJsonAsync<ChangesPage>($"/api/changes?after={after}&limit={limit}{(types is null ? "" : "&types=" + Uri.EscapeDataString(types))}");

    /// <summary>Pages from <paramref name="after"/> to the current end of the feed.</summary>
    public static async Task<List<JsonElement>> ReadChangesAsync(this HttpClient client, string? types = null, int limit = 1000, string after = "0")
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var page = await client.GetChangesAsync(after, limit, types);
            events.AddRange(page.Events);
            if (page.Next == after)
            {
                return events;
            }
            after = page.Next;
        }
    }

    /// <summary>The feed's current last position.</summary>
    public static async Task<long> FeedEndAsync(this HttpClient client)
    {
        var after = "0";
        while (true)
        {
            var page = await client.GetChangesAsync(after, 1000, "no.such.type");
            if (page.Next == after)
            {
                return long.Parse(after);
            }
            after = page.Next;
        }
    }

    /// <summary>Waits until the feed holds an event about <paramref name="subject"/> (of the type, when given).</summary>
    public static Task<JsonElement> WaitForChangeAsync(this HttpClient client, string subject, string? type = null) =>
        Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var events = await client.ReadChangesAsync(type ?? "samverkan.*");
            return events.LastOrDefault(e => e.GetProperty("subject").GetString() == subject) is { ValueKind: JsonValueKind.Object } found ? found : (JsonElement?)null;
        }, $"a change of {subject} in the feed");

    public static async Task<(JsonElement Body, string ETag)> CreateSubscriptionAsync(this HttpClient client, object body)
    {
        using var response = await client.PostJsonAsync("/api/subscriptions", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    /// <summary>A subscription to the receiver for the types, starting at the feed's current end.</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(this HttpClient client, WebhookReceiver receiver, params string[] types)
    {
        var (body, _) = await client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types });
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public static Task<JsonElement> GetSubscriptionAsync(this HttpClient client, string id) =>
        client.GetJsonAsync<JsonElement>($"/api/subscriptions/{id}");

    public static async Task<JsonElement> PostForJsonAsync(this HttpClient client, string path, object? body = null)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, path, body ?? new { });
        return await response.ReadJsonAsync<JsonElement>();
    }
}
