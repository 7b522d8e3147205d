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
        app.MapTopicEvents(Topics.Institutions, HandleAsync);
        return app;
    }

    private static async Task HandleAsync(CloudEvent cloudEvent, HttpContext context, CancellationToken ct)
    {
        if (!InstitutionEvents.All.Contains(cloudEvent.Type))
        {
            // A type added after this build: the name copy cannot know what its data means.
            return;
        }
        var names = context.RequestServices.GetRequiredService<DocumentCollection<InstitutionNameCopy>>();
        var sequence = cloudEvent.Sequence is { } text ? CloudEventSequence.Parse(text) : 0;
        var institution = InstitutionEventData.Read(cloudEvent.Data);
        var copy = new InstitutionNameCopy(cloudEvent.Subject, institution.Name, institution.Abbreviation, sequence);
        var current = await names.GetAsync(copy.Id, ct);
        if (current is not null && current.Value.Sequence >= sequence)
        {
            return;
        }
        var write = current is null ? names.Insert(copy) : names.Replace(copy, current.Version);
        await ProcessedEvents.ApplyOnceAsync(names.Store, cloudEvent.Id, [write], ct);
    }
}
