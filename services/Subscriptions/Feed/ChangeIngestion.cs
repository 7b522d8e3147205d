using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Events;
using Samverkan.Events.Dapr;
using Samverkan.Events.Subscribing;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// Takes every producer's events into the feed: one topic route per producing service, in
/// Dapr's programming model. A redelivered event answers SUCCESS without a second entry;
/// anything that fails answers an error, so the sender retries and nothing is dropped.
/// </summary>
public static class ChangeIngestion
{
    public static IEndpointRouteBuilder MapChangeIngestion(this IEndpointRouteBuilder app)
    {
        foreach (var topic in Topics.All)
        {
            app.MapTopic(topic, HandleAsync);
        }
        return app;
    }

    private static async Task<Ok<TopicStatus>> HandleAsync(JsonElement data, HttpRequest request, ChangeFeed feed, CancellationToken ct)
    {
        await feed.AppendAsync(IncomingEvent.From(request, data), ct);
        return SubscriberExtensions.Success();
    }
}
