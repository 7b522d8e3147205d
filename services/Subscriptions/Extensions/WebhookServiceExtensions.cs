using Microsoft.Extensions.Options;
using Samverkan.Storage;
using Samverkan.Storage.Leases;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Extensions;

public static class WebhookServiceExtensions
{
    /// <summary>
    /// Webhook subscriptions and their delivery: one worker per subscription (the dispatcher),
    /// and an HTTP client that connects only where <see cref="TargetPolicy"/> allows, follows no
    /// redirects and keeps no cookies.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton(provider => new DocumentCollection<WebhookSubscription>(
            provider.GetRequiredService<IDocumentStore>(), "subscriptions", subscription => subscription.Id, subscription => subscription.Tags()));
        services.AddSingleton(provider => new DocumentCollection<DeliveryState>(
            provider.GetRequiredService<IDocumentStore>(), "delivery-states", state => state.SubscriptionId));
        services.AddSingleton<SubscriptionSignal>();
        services.AddSingleton<TargetPolicy>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookTelemetry>();
        services.AddSingleton<DeliveryServices>();
        // One replica dispatches at a time, under a lease in the service's own store.
        services.AddLeases();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<TargetPolicy>().ConnectAsync,
                AllowAutoRedirect = false,
                // Through a proxy the address checked would be the proxy's; egress filtering then belongs to the proxy.
                UseProxy = false,
                UseCookies = false,
                // Names are resolved again for new connections, so a moved endpoint is followed (and checked).
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        return builder;
    }
}
