using Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Samverkan.Events.Subscribing;

namespace Samverkan.Events.Dapr;

public static class SubscriberExtensions
{
    /// <summary>Dapr's subscriber programming model: CloudEvents unwrapped, attributes kept as headers, and <c>/dapr/subscribe</c>.</summary>
    public static WebApplication UseEventSubscriptions(this WebApplication app)
    {
        app.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true });
        app.MapSubscribeHandler();
        return app;
    }

    /// <summary>
    /// A topic route in Dapr's single form (one CloudEvent per request, its data as the body),
    /// with the topic's dead-letter topic for events it refuses (answers DROP). It
    /// takes deliveries only with the app API token when one is configured (<see cref="AppApiToken"/>),
    /// and events up to <see cref="EventLimits.MaxEventBytes"/> whatever the public request limit is.
    /// </summary>
    public static RouteHandlerBuilder MapTopic(this IEndpointRouteBuilder app, string topic, Delegate handler) =>
        app.MapPost($"/events/{topic}", handler)
            .WithMetadata(new EventSizeLimit())
            .AddEndpointFilter(AppApiToken.RequireAsync)
            .WithTopic(new TopicOptions { PubsubName = Topics.PubSubName, Name = topic, DeadLetterTopic = Topics.DeadLetter(topic) })
            .ExcludeFromDescription();

    /// <summary>Honoured by routing before the body is read: Kestrel's limit is raised for this request alone.</summary>
    private sealed class EventSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => EventLimits.MaxEventBytes;
    }

    /// <summary>Dapr's answer for "taken": anything else makes the sender retry.</summary>
    public static Ok<TopicStatus> Success() => TypedResults.Ok(TopicStatus.Taken);
}
