using Samverkan.Events;
using Samverkan.Events.Dapr;

namespace Samverkan.Subscriptions.Feed;

/// <summary>
/// Takes every producer's events into the feed: one topic route per producing service, in
/// Dapr's programming model, a bulk committed in one transaction (<see cref="ChangeFeed.AppendAllAsync"/>).
/// A redelivered event answers SUCCESS without a second entry;
/// anything that fails answers an error, so the sender retries and nothing is dropped.
/// </summary>
public static class ChangeIngestion
{
    public static IEndpointRouteBuilder MapChangeIngestion(this IEndpointRouteBuilder app)
    {
        foreach (var topic in Topics.All)
        {
            app.MapTopicBatches(topic, (events, context, ct) => context.RequestServices.GetRequiredService<ChangeFeed>().AppendAllAsync(events, ct));
        }
        return app;
    }
}
