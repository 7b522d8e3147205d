using Samverkan.ServiceDefaults.OpenApi;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Feed;

namespace Samverkan.Subscriptions.Apis;

/// <summary>A page of the change feed: the events (each a CloudEvent plus <c>position</c>) and the cursor to pass as <c>after</c> next.</summary>
public sealed record ChangesPage(IReadOnlyList<JsonObject> Events, string Next);

public static class ChangesApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Changes", "Every change of every service in one gap-free order, paged after a cursor or as Server-Sent Events.");

    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/changes").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListChanges")
            .WithSummary("Every change of every service in one order, after a cursor; types filters (trailing * allowed)");
        api.MapGet("/stream", ChangeStream.OpenAsync).WithName("StreamChanges")
            .WithSummary("The change feed as Server-Sent Events, resuming after Last-Event-ID (or after)");
        return app;
    }

    /// <summary>
    /// Readable by anyone; contact events carry their personal fields only for callers who may
    /// see personal data (<see cref="Caller.MaySeePersonalData"/>).
    /// <c>next</c> is always set: the position the read reached, past events of other types too.
    /// When it equals the <c>after</c> sent, the reader is at the end of the feed for now.
    /// </summary>
    private static async Task<Results<Ok<ChangesPage>, ValidationProblem>> ListAsync(
        string? after, string? limit, string? types, HttpContext context, ChangeFeed feed, CancellationToken ct)
    {
        var validation = new Validation();
        var position = FeedPosition.ParseCursor(after, "after", validation);
        var take = QueryValues.Limit(limit, validation);
        var filter = TypeFilter.Parse(types, "types", validation);
        if (validation.IsValid)
        {
            await feed.CheckCursorAsync(position, "after", validation, ct);
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var page = await feed.ReadAsync(position, take, filter, ct);
        var personal = context.Caller().MaySeePersonalData;
        return TypedResults.Ok(new ChangesPage(
            page.Entries.Select(entry => entry.VisibleTo(personal).Event).ToList(), FeedPosition.Format(page.ScannedTo)));
    }
}
