using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samverkan.Events.Outbox;
using Samverkan.Storage.Leases;

namespace Samverkan.Events.Relay;

public static class RelayRegistration
{
    /// <summary>The lease every replica of the producer on <paramref name="topic"/> competes for: its holder relays.</summary>
    public static string LeaseName(string topic) => $"relay:{topic}";

    /// <summary>
    /// The outbox of a producer on <paramref name="topic"/> and the relay that empties it, tuned by
    /// <see cref="RelayOptions"/> (validated at start). The relay delivers over whichever
    /// <see cref="Transports.IEventTransport"/> is registered (Samverkan.Events.Hosting chooses it).
    /// </summary>
    public static IServiceCollection AddOutboxRelay(this IServiceCollection services, string topic)
    {
        services.AddSingleton(new EventSourceOptions($"/samverkan/{topic}", topic));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventOutbox>();
        services.AddSingleton<RelayState>();
        services.AddSingleton<OutboxTrimmer>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<EventMetrics>();
        // A host that has no clock yet (a test of the relay alone) gets the system clock.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section).ValidateDataAnnotations()
            .Validate(relay => relay.MaxRetryDelay >= relay.FirstRetryDelay, "Events:Relay:MaxRetryDelay must not be shorter than Events:Relay:FirstRetryDelay.")
            .ValidateOnStart();
        // One replica relays at a time, under a lease in the service's own store.
        services.AddLeases();
        services.AddHostedService<OutboxRelay>();
        // Reported on /health, left out of /ready (ServiceDefaults' HealthEndpoints.ReportedTag):
        // a dead letter waits for an operator and must not take every replica out of rotation.
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("events", tags: ["reported"]);
        return services;
    }
}
