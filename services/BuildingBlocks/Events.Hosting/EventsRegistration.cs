using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Events.Subscribing;
using Samverkan.Events.Transports;

namespace Samverkan.Events.Hosting;

public static class EventsRegistration
{
    /// <summary>
    /// Makes the service a producer on <paramref name="topic"/>: the outbox, and the relay over
    /// the transport <c>Events:Transport</c> names: <c>Http</c> (default: POST to the apps in
    /// <c>Events:Subscribers:{name}</c>, each a base URL, or several separated by spaces for an app's replicas) or <c>Dapr</c> (the sidecar).
    /// </summary>
    public static IHostApplicationBuilder AddEventPublishing(this IHostApplicationBuilder builder, string topic)
    {
        var events = builder.Configuration.GetSection("Events");
        var pubSub = events["PubSubName"] ?? Topics.PubSubName;
        var services = builder.Services;
        services.AddOutboxRelay(topic);

        if ((events["Transport"] ?? "Http").Equals("Dapr", StringComparison.OrdinalIgnoreCase))
        {
            // The sidecar's address and Dapr API token as Dapr.Client reads them (DaprSidecar).
            services.AddSingleton(provider => DaprSidecar.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
            services.AddSingleton<IEventTransport>(provider => new DaprEventTransport(
                provider.GetRequiredService<DaprSidecar>(), pubSub, provider.GetRequiredService<ILogger<DaprEventTransport>>()));
        }
        else
        {
            // The event's own trace context travels in the CloudEvent; the POST carries the delivery span's.
            // Subscribers take deliveries only with the platform's app API token, when there is one (AppApiToken).
            var appApiToken = builder.Configuration[AppApiToken.ConfigurationKey];
            services.AddHttpClient(HttpEventTransport.ClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(15);
                if (!string.IsNullOrEmpty(appApiToken))
                {
                    client.DefaultRequestHeaders.Add(AppApiToken.Header, appApiToken);
                }
            });
            // An app running as several replicas is listed with each one's base URL, separated by spaces.
            var subscribers = events.GetSection("Subscribers").GetChildren()
                .Where(s => !string.IsNullOrWhiteSpace(s.Value))
                .ToDictionary(s => s.Key,
                    s => (IReadOnlyList<Uri>)s.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url)).ToList(),
                    StringComparer.Ordinal);
            services.AddSingleton<IEventTransport>(provider => new HttpEventTransport(
                subscribers, pubSub, provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<ILoggerFactory>()));
        }
        return builder;
    }
}
