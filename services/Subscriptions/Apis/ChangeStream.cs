using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Samverkan.Events;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Feed;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// The change feed as Server-Sent Events: <c>id</c> is the position, <c>event</c> the type,
/// <c>data</c> the same JSON as a feed page item. A reconnecting client sends
/// <c>Last-Event-ID</c> and resumes after it; a cursor beyond the end of the feed is refused as
/// on the paged feed (<see cref="ChangeFeed.CheckCursorAsync"/>). New events arrive at once when this instance
/// appended them (in-process signal), otherwise within the polling interval; an idle stream
/// sends a comment line every keep-alive interval. Contact events carry personal fields only
/// when the caller may see them, as on the paged feed.
/// </summary>
public sealed class ChangeStream(long after, TypeFilter filter, bool maySeePersonalData) : IResult, IEndpointMetadataProvider
{
    private const int BatchSize = 100;

    public static async Task<Results<ChangeStream, ValidationProblem>> OpenAsync(
        HttpContext context, [FromHeader(Name = "Last-Event-ID")] string? lastEventId, string? after, string? types,
        ChangeFeed feed, CancellationToken ct)
    {
        var validation = new Validation();
        var resuming = !string.IsNullOrEmpty(lastEventId);
        var field = resuming ? "Last-Event-ID" : "after";
        var position = FeedPosition.ParseCursor(resuming ? lastEventId : after, field, validation);
        var filter = TypeFilter.Parse(types, "types", validation);
        if (validation.IsValid)
        {
            await feed.CheckCursorAsync(position, field, validation, ct);
        }
        return validation.IsValid ? new ChangeStream(position, filter, context.Caller().MaySeePersonalData) : TypedResults.ValidationProblem(validation.Errors);
    }

    /// <summary>What OpenAPI says of the answer: a 200 whose body is an event stream.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var feed = services.GetRequiredService<ChangeFeed>();
        var signal = services.GetRequiredService<FeedSignal>();
        var options = services.GetRequiredService<IOptions<FeedOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var telemetry = services.GetRequiredService<FeedTelemetry>();
        // Open streams must not hold up shutdown: they end when the application stops.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            context.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var ct = stopping.Token;

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await WriteAsync(response, $"retry: 3000\n: after {FeedPosition.Format(after)}\n\n", ct);
            var cursor = after;
            var lastWrite = clock.GetUtcNow();
            while (!ct.IsCancellationRequested)
            {
                var newEvents = signal.Next;
                var page = await feed.ReadAsync(cursor, BatchSize, filter, ct);
                if (page.Entries.Count > 0)
                {
                    // A span per write, linked to the writes that caused its events (docs/observability.md).
                    using var sent = telemetry.StartStreamSend(page.Entries);
                    await WriteAsync(response, Format(page.Entries.Select(entry => entry.VisibleTo(maySeePersonalData))), ct);
                    lastWrite = clock.GetUtcNow();
                }
                if (page.ScannedTo > cursor)
                {
                    cursor = page.ScannedTo;
                    continue;
                }
                if (clock.GetUtcNow() - lastWrite >= options.KeepAliveInterval)
                {
                    await WriteAsync(response, ": keep-alive\n\n", ct);
                    lastWrite = clock.GetUtcNow();
                }
                await SignalWaiting.WaitAnyAsync(Shorter(options.PollInterval, options.KeepAliveInterval), ct, newEvents);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or the service is stopping; the client resumes with Last-Event-ID.
        }
    }

    private static string Format(IEnumerable<FeedEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            // The JSON is written on one line, so one data field carries it whole.
            text.Append("id: ").Append(FeedPosition.Format(entry.Position)).Append('\n')
                .Append("event: ").Append(entry.Type).Append('\n')
                .Append("data: ").Append(entry.Json).Append("\n\n");
        }
        return text.ToString();
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken ct)
    {
        await response.WriteAsync(text, ct);
        await response.Body.FlushAsync(ct);
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
