using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Events;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Model;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// How a webhook subscription is written: audited as its snapshot (never its secrets), written
/// only by its owner or national staff, and announced by nothing: Subscriptions is the change
/// feed, its own writes are not events in it.
/// </summary>
public sealed class SubscriptionResource : IWritableResource<WebhookSubscription>
{
    public const string SecretRotated = "secret-rotated";
    public const string Replayed = "replayed";
    public const string Pinged = "pinged";

    public string Kind => SubscriptionsApi.AuditType;

    public ValueTask<object> ShowAsync(Versioned<WebhookSubscription> stored, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(SubscriptionSnapshot.Of(stored.Value, stored.Version));

    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<WebhookSubscription>? after, object? shown) => [];

    public ProblemHttpResult? Refusal(HttpContext context, Versioned<WebhookSubscription> current) =>
        SubscriptionAccess.Check(context.Caller(), current.Value);
}

/// <summary>How a partner's API key is written: audited as the API shows it (never the key or its hash), announced by nothing.</summary>
public sealed class ApiKeyResource : IWritableResource<ApiKey>
{
    public const string Revoked = "revoked";

    public string Kind => ApiKeysApi.AuditType;

    public string Title => "API key";

    public ValueTask<object> ShowAsync(Versioned<ApiKey> stored, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(ApiKeyResponse.From(stored.Value, stored.Version));

    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<ApiKey>? after, object? shown) => [];
}
