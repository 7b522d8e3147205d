using System.Text.Json;
using Dapr.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samverkan.Events.Subscribing;

namespace Samverkan.Events.Dapr;

/// <summary>Handles events in the order they came; a failure throws, and that event and every later one are sent again.</summary>
public delegate Task TopicEventHandler(CloudEvent cloudEvent, HttpContext context, CancellationToken cancellationToken);

/// <summary>Handles a request's events together (one transaction): all are taken, or a failure throws and all are sent again.</summary>
public delegate Task TopicBatchHandler(IReadOnlyList<CloudEvent> events, HttpContext context, CancellationToken cancellationToken);

/// <summary>
/// Topic routes with Dapr's bulk subscribe: the route says so in <c>/dapr/subscribe</c>
/// (<c>bulkSubscribe</c>), and takes both forms Dapr delivers: many events in one request
/// (<see cref="CloudEvent.BatchMediaType"/>, a <see cref="BulkSubscribeMessage{T}"/> answered with a status per
/// entry) and one CloudEvent as its single form. Events are handled in order; once one fails,
/// it and every later one answer RETRY, so a subscriber never sees an event before the ones it follows.
/// </summary>
public static class BulkTopics
{
    /// <summary>
    /// How many events Dapr puts in one request, and how long it waits to fill one: short,
    /// since a change should reach its subscribers in milliseconds, not when a batch is full.
    /// </summary>
    public const int MaxMessagesCount = 100;
    public const int MaxAwaitDurationMs = 5;

    public static RouteHandlerBuilder MapTopicEvents(this IEndpointRouteBuilder app, string topic, TopicEventHandler handler) =>
        MapBulk(app, topic, async (events, context, ct) =>
        {
            var taken = 0;
            foreach (var cloudEvent in events)
            {
                try
                {
                    await handler(cloudEvent, context, ct);
                    taken++;
                }
                catch (Exception e) when (taken > 0 && !ct.IsCancellationRequested)
                {
                    // What came before is taken; this one and the rest are asked for again.
                    Logger(context).LogWarning(e, "Handling {EventId} failed; it and {Later} later events answer RETRY", cloudEvent.Id, events.Count - taken - 1);
                    break;
                }
            }
            return taken;
        });

    public static RouteHandlerBuilder MapTopicBatches(this IEndpointRouteBuilder app, string topic, TopicBatchHandler handler) =>
        MapBulk(app, topic, async (events, context, ct) =>
        {
            await handler(events, context, ct);
            return events.Count;
        });

    /// <summary>
    /// <paramref name="handle"/> answers how many events from the start were taken, or throws when
    /// none was: the single form then answers an error status (the sender retries), the bulk form RETRY for every entry.
    /// </summary>
    private static RouteHandlerBuilder MapBulk(
        IEndpointRouteBuilder app, string topic, Func<IReadOnlyList<CloudEvent>, HttpContext, CancellationToken, Task<int>> handle) =>
        app.MapTopic(topic, async Task<Results<Ok<TopicStatus>, Ok<BulkSubscribeAppResponse>>> (HttpContext context, CancellationToken ct) =>
            {
                if (!IsBatch(context.Request))
                {
                    var data = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: ct);
                    await handle([IncomingEvent.From(context.Request, data)], context, ct);
                    return SubscriberExtensions.Success();
                }
                // The entries' events are read as CloudEvents straight from the body: one pass over each event's JSON.
                var message = await JsonSerializer.DeserializeAsync<BulkSubscribeMessage<CloudEvent>>(context.Request.Body, JsonSerializerOptions.Web, ct)
                    ?? throw new BadHttpRequestException("The bulk message is empty.");
                var entries = message.Entries ?? [];
                var events = entries.Select(entry => entry.Event ?? throw new BadHttpRequestException($"Entry {entry.EntryId} has no event.")).ToList();
                int taken;
                try
                {
                    taken = await handle(events, context, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    Logger(context).LogWarning(e, "Handling a bulk of {Count} events failed; every entry answers RETRY", events.Count);
                    taken = 0;
                }
                return TypedResults.Ok(new BulkSubscribeAppResponse([.. entries.Select((entry, index) => new BulkSubscribeAppResponseEntry(
                    entry.EntryId, index < taken ? BulkSubscribeAppResponseStatus.SUCCESS : BulkSubscribeAppResponseStatus.RETRY))]));
            })
            .WithBulkSubscribe(new BulkSubscribeTopicOptions { TopicName = topic, MaxMessagesCount = MaxMessagesCount, MaxAwaitDurationMs = MaxAwaitDurationMs });

    private static bool IsBatch(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(CloudEvent.BatchMediaType, StringComparison.OrdinalIgnoreCase);

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BulkTopics));
}
