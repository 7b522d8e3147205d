using Samverkan.Storage;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Apis;

/// <summary>What every subscription write needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record SubscriptionWrite(
    HttpContext Context, VersionedWrites<WebhookSubscription> Writes, DocumentCollection<DeliveryState> States,
    SubscriptionSignal Signal, TimeProvider Clock, CancellationToken Cancellation);

/// <summary>What the subscription reads need, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record SubscriptionRead(
    HttpContext Context, DocumentCollection<WebhookSubscription> Subscriptions, DocumentCollection<DeliveryState> States,
    TimeProvider Clock, CancellationToken Cancellation)
{
    /// <summary>The subscription with its delivery state, as the API shows it now.</summary>
    public async Task<SubscriptionResponse> ShowAsync(Versioned<WebhookSubscription> stored)
    {
        var state = await States.GetAsync(stored.Value.Id, Cancellation);
        return SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, Clock.GetUtcNow());
    }
}
