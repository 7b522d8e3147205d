using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Events;
using Samverkan.Events.Dapr;
using Samverkan.Events.Subscribing;
using Samverkan.Institutions.Events;
using Samverkan.Storage;

namespace Samverkan.Forums.Events;

/// <summary>
/// Keeps <see cref="InstitutionNameCopy"/> current from the institutions topic, reading the data
/// through the Institutions service's own contract (<see cref="InstitutionEventData"/>).
/// </summary>
public static class InstitutionEventsHandler
{
    public static IEndpointRouteBuilder MapInstitutionEvents(this IEndpointRouteBuilder app)
    {
        app.MapTopic(Topics.Institutions, HandleAsync);
        return app;
    }

    private static async Task<Ok<TopicStatus>> HandleAsync(
        JsonElement data, HttpRequest request, DocumentCollection<InstitutionNameCopy> names, CancellationToken ct)
    {
        var cloudEvent = IncomingEvent.From(request, data);
        if (!InstitutionEvents.All.Contains(cloudEvent.Type))
        {
            // A type added after this build: the name copy cannot know what its data means.
            return SubscriberExtensions.Success();
        }
        var sequence = cloudEvent.Sequence is { } text ? CloudEventSequence.Parse(text) : 0;
        var institution = InstitutionEventData.Read(data);
        var copy = new InstitutionNameCopy(cloudEvent.Subject, institution.Name, institution.Abbreviation, sequence);
        var current = await names.GetAsync(copy.Id, ct);
        if (current is not null && current.Value.Sequence >= sequence)
        {
            return SubscriberExtensions.Success();
        }
        var write = current is null ? names.Insert(copy) : names.Replace(copy, current.Version);
        await ProcessedEvents.ApplyOnceAsync(names.Store, cloudEvent.Id, [write], ct);
        return SubscriberExtensions.Success();
    }
}
