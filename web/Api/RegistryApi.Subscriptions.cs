using System.Text.Json.Nodes;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Api;

/// <summary>
/// Webhook subscriptions: a partner's own, every one for national staff (the API decides which).
/// A secret comes back only from a create or a rotation, and the app shows it once and keeps it nowhere.
/// </summary>
public sealed partial class RegistryApi
{
    public Task<IReadOnlyList<Subscription>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        ListAsync<Subscription>("api/subscriptions", cancellationToken);

    public Task<Versioned<Subscription>?> SubscriptionAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<Subscription>($"api/subscriptions/{Escape(id)}", cancellationToken);

    /// <summary>One page of the delivery log, oldest first.</summary>
    public Task<Versioned<Page<Delivery>>?> DeliveriesAsync(string id, string? cursor, int limit, CancellationToken cancellationToken) =>
        GetAsync<Page<Delivery>>(QueryPath.With($"api/subscriptions/{Escape(id)}/deliveries", ("limit", QueryPath.Number(limit)), ("cursor", cursor)), cancellationToken);

    /// <summary>A new subscription; <paramref name="fromBeginning"/> delivers every event the feed holds, otherwise those after now.</summary>
    public Task<(WriteResult Result, Subscription? Value)> CreateSubscriptionAsync(
        string url, IReadOnlyList<string> types, string? description, bool fromBeginning, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["url"] = url,
            ["types"] = new JsonArray([.. types.Select(type => (JsonNode)type)]),
            ["description"] = description,
        };
        if (fromBeginning)
        {
            body["startAfter"] = "beginning";
        }
        return WriteAsync<Subscription>(HttpMethod.Post, "api/subscriptions", Body(body), null, cancellationToken);
    }

    public Task<(WriteResult Result, Subscription? Value)> RotateSecretAsync(string id, double overlapHours, CancellationToken cancellationToken) =>
        WriteAsync<Subscription>(HttpMethod.Post, $"api/subscriptions/{Escape(id)}/secret/rotate", Body(new JsonObject { ["overlapHours"] = overlapHours }), null, cancellationToken);

    /// <summary>Deliveries again from the first event written at or after <paramref name="since"/>.</summary>
    public Task<(WriteResult Result, Subscription? Value)> ReplayAsync(string id, DateTimeOffset since, CancellationToken cancellationToken) =>
        WriteAsync<Subscription>(HttpMethod.Post, $"api/subscriptions/{Escape(id)}/replay", Body(new JsonObject { ["since"] = since.ToString("O") }), null, cancellationToken);

    /// <summary>Deliveries again from the event after feed position <paramref name="after"/> (0: from the beginning).</summary>
    public Task<(WriteResult Result, Subscription? Value)> ReplayAfterAsync(string id, long after, CancellationToken cancellationToken) =>
        WriteAsync<Subscription>(HttpMethod.Post, $"api/subscriptions/{Escape(id)}/replay", Body(new JsonObject { ["after"] = after }), null, cancellationToken);

    /// <summary>A merge patch of the subscription (url, types, description, enabled), checked against the version the form was read with.</summary>
    public Task<WriteResult> PatchSubscriptionAsync(string id, JsonObject patch, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, $"api/subscriptions/{Escape(id)}", Patch(patch), etag, cancellationToken);

    /// <summary>Removes the subscription with its delivery state and log: deliveries stop.</summary>
    public Task<WriteResult> DeleteSubscriptionAsync(string id, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Delete, $"api/subscriptions/{Escape(id)}", null, etag, cancellationToken);

    public Task<(WriteResult Result, PingResult? Value)> PingAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync<PingResult>(HttpMethod.Post, $"api/subscriptions/{Escape(id)}/ping", null, null, cancellationToken);
}
