using Microsoft.Extensions.Options;
using Samverkan.Storage;
using Samverkan.Storage.Leases;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>What every subscription worker uses; one instance for the process.</summary>
public sealed class DeliveryServices(
    DocumentCollection<WebhookSubscription> subscriptions,
    DocumentCollection<DeliveryState> states,
    ChangeFeed feed,
    FeedSignal feedSignal,
    SubscriptionSignal changes,
    WebhookSender sender,
    DeliveryLog log,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    WebhookTelemetry telemetry,
    ILoggerFactory loggers)
{
    public DocumentCollection<WebhookSubscription> Subscriptions => subscriptions;
    public DocumentCollection<DeliveryState> States => states;
    public ChangeFeed Feed => feed;
    public FeedSignal FeedSignal => feedSignal;
    public SubscriptionSignal Changes => changes;
    public WebhookSender Sender => sender;
    public DeliveryLog Log => log;
    public WebhookOptions Options => options.Value;
    public TimeProvider Clock => clock;
    public WebhookTelemetry Telemetry => telemetry;
    public ILogger Logger { get; } = loggers.CreateLogger("Samverkan.Subscriptions.Webhooks");

    /// <summary>The same services with every commit fenced by <paramref name="hold"/>: what the workers under one lease hold use.</summary>
    public DeliveryServices FencedBy(LeaseHold hold)
    {
        var store = hold.Fenced(states.Store);
        return new DeliveryServices(subscriptions.On(store), states.On(store), feed, feedSignal, changes, sender, new DeliveryLog(store),
            options, clock, telemetry, loggers);
    }

    /// <summary>Disables the subscription for a reason found by delivery, retrying when a client's write lands first.</summary>
    public async Task DisableAsync(string subscriptionId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await subscriptions.GetAsync(subscriptionId, ct);
            if (current is not { Value.Enabled: true })
            {
                return;
            }
            try
            {
                await subscriptions.ReplaceAsync(current.Value.Disable(reason, at), current.Version, ct);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // A PATCH landed between the read and the write: read it and apply the disable to it.
            }
        }
    }
}
