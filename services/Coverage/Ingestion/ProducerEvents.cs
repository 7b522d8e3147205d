using Samverkan.Coverage.ReadModel;
using Samverkan.Events;
using Samverkan.Events.Dapr;

namespace Samverkan.Coverage.Ingestion;

/// <summary>
/// Takes the events of every producer the read model copies (Regions, Institutions, Forums,
/// Contacts): one topic route each, in Dapr's programming model, as every subscriber, taking
/// bulks (<see cref="BulkTopics"/>): a backlog arrives a hundred events a request, applied in
/// order. A redelivery answers SUCCESS without a second effect; a failure answers RETRY for it
/// and the events after it, so nothing is dropped. Never logs the data (contacts are personal data).
/// </summary>
public static class ProducerEvents
{
    public static IEndpointRouteBuilder MapProducerEvents(this IEndpointRouteBuilder app)
    {
        foreach (var topic in Topics.All)
        {
            app.MapTopicEvents(topic, (cloudEvent, context, ct) => HandleAsync(topic, cloudEvent, context.RequestServices, ct));
        }
        return app;
    }

    private static async Task HandleAsync(string topic, CloudEvent cloudEvent, IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<RebuildService>().Loaded.WaitAsync(ct);
        await services.GetRequiredService<CoverageReadModel>().ApplyEventAsync(topic, cloudEvent, ct);
    }
}
