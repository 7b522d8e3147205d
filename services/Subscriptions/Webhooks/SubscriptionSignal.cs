using Samverkan.Events;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>Pulsed when the API changes a subscription (created, changed, replayed, deleted), so its worker acts at once.</summary>
public sealed class SubscriptionSignal : Signal;
