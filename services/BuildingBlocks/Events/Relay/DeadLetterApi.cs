using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Samverkan.Events.Transports;

namespace Samverkan.Events.Relay;

/// <summary>
/// The operator's view of a producer's dead letters, on the service itself (not through the
/// gateway, like the event routes): list them, re-drive one to its destination, or discard one.
/// </summary>
public static class DeadLetterApi
{
    private const int DefaultLimit = 100;

    /// <param name="app">The producer's endpoints.</param>
    /// <param name="policy">The authorization policy an operator must satisfy (national staff).</param>
    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app, string policy)
    {
        var api = app.MapGroup("/events/dead-letters").RequireAuthorization(policy).ExcludeFromDescription();
        api.MapGet("/", ListAsync);
        api.MapPost("/{id}/redrive", RedriveAsync);
        api.MapDelete("/{id}", DiscardAsync);
        return app;
    }

    private static async Task<Ok<DeadLetterPage>> ListAsync(string? after, DeadLetters deadLetters, CancellationToken ct)
    {
        var items = await deadLetters.ListAsync(after, DefaultLimit + 1, ct);
        var page = items.Take(DefaultLimit).ToList();
        return TypedResults.Ok(new DeadLetterPage(page, items.Count > DefaultLimit ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<RedriveAnswer>, ProblemHttpResult>> RedriveAsync(
        string id, DeadLetters deadLetters, ILoggerFactory loggers, CancellationToken ct)
    {
        var result = await deadLetters.RedriveAsync(id, ct);
        if (result is null)
        {
            return NotFound(id);
        }
        if (result.Outcome != DeliveryOutcome.Delivered)
        {
            // Still kept: 502, because it is the destination, not this request, that failed.
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The destination did not take the event.",
                detail: $"{result.Reason}. The dead letter is kept.");
        }
        loggers.CreateLogger(typeof(DeadLetterApi)).LogWarning("Dead letter {DeadLetterId} was re-driven and taken", id);
        return TypedResults.Ok(new RedriveAnswer(id, "delivered"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DiscardAsync(
        string id, DeadLetters deadLetters, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!await deadLetters.DiscardAsync(id, ct))
        {
            return NotFound(id);
        }
        loggers.CreateLogger(typeof(DeadLetterApi)).LogWarning("Dead letter {DeadLetterId} was discarded by an operator", id);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter.", detail: $"No dead letter has the id '{id}'.");
}

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? NextCursor);

public sealed record RedriveAnswer(string Id, string Outcome);
