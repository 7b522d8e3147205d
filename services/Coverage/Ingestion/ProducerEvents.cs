using System.Text.Json;
using Samverkan.Coverage.ReadModel;
using Samverkan.Events;
using Samverkan.Events.Dapr;
using Samverkan.Events.Subscribing;

namespace Samverkan.Coverage.Ingestion;

/// <summary>
/// Takes the events of every producer the read model copies (Regions, Institutions, Forums,
/// Contacts): one topic route each, in Dapr's programming model, as every subscriber. A
/// redelivery answers SUCCESS without a second effect; a failure answers an error, so the
/// sender retries and nothing is dropped. Never logs the data (contacts are personal data).
/// </summary>
public static class ProducerEvents
{
    public static IEndpointRouteBuilder MapProducerEvents(this IEndpointRouteBuilder app)
    {
        foreach (var topic in Topics.All)
        {
            app.MapTopic(topic, (JsonElement data, HttpRequest request, CoverageReadModel model, RebuildService rebuild, CancellationToken ct) =>
                HandleAsync(topic, data, request, model, rebuild, ct));
        }
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string topic, JsonElement data, HttpRequest request, CoverageReadModel model, RebuildService rebuild, CancellationToken ct)
    {
        var cloudEvent = IncomingEvent.From(request, data);
        await rebuild.Loaded.WaitAsync(ct);
        await model.ApplyEventAsync(topic, cloudEvent, ct);
        return SubscriberExtensions.Success();
    }
}
