using Samverkan.ServiceDefaults.OpenApi;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit;
using Samverkan.Events;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// What a partner does with a subscription besides editing it: rotate its secret, replay, ping,
/// read its delivery log. The same access rules as the subscription itself: its owner or national staff.
/// </summary>
public static class SubscriptionActionsApi
{
    public const string PingType = "samverkan.ping.v1";
    private const double MaxOverlapHours = 24 * 30;

    public static IEndpointRouteBuilder MapSubscriptionActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subscriptions/{id}").WithTag(SubscriptionsApi.Tag).RequireAuthorization(Policies.PartnerOrAdmin);
        api.MapPost("/secret/rotate", RotateAsync).WithName("RotateSubscriptionSecret").WritesVersioned()
            .WithSummary("A new signing secret, shown this once; the old one keeps signing beside it for overlapHours (default 24)");
        api.MapPost("/replay", ReplayAsync).WithName("ReplaySubscription").WritesVersioned()
            .WithSummary("Move the cursor back, after a position or to a time; events come again with the same webhook-id");
        // Neither writes a version, so they are not marked WritesVersioned; both look the subscription up.
        api.MapPost("/ping", PingAsync).WithName("PingSubscription").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send one signed samverkan.ping.v1 event now and return what the endpoint answered");
        api.MapGet("/deliveries", ListDeliveriesAsync).WithName("ListSubscriptionDeliveries").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The delivery log: each event with every attempt, oldest first");
        return app;
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult, ValidationProblem>> RotateAsync(
        string id, RotateInput? input, [AsParameters] SubscriptionWrite write)
    {
        var now = write.Clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var written = await write.Writes.ChangeAsync(write.Context, id, current =>
        {
            var overlap = input?.OverlapHours ?? 24;
            if (overlap is < 0 or > MaxOverlapHours || double.IsNaN(overlap))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["overlapHours"] = [$"Between 0 and {MaxOverlapHours} hours."] });
            }
            var endsAt = now + TimeSpan.FromHours(overlap);
            // Older secrets keep an earlier end; expired ones are dropped from storage.
            var kept = current.Value.Secrets
                .Select(old => old.ExpiresAt is null || old.ExpiresAt > endsAt ? old with { ExpiresAt = endsAt } : old)
                .Where(old => old.IsActive(now));
            return Change.To(SubscriptionResource.SecretRotated, current.Value with { Secrets = [new SigningSecret(secret, now, null), .. kept] });
        }, write.Cancellation);
        if (written.Problem is null)
        {
            write.Context.Response.Headers.CacheControl = "no-store";
        }
        return await written.AnswerAsync(async stored =>
        {
            var state = await write.States.GetAsync(id, write.Cancellation);
            return TypedResults.Ok(SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, now) with { Secret = secret });
        });
    }

    /// <summary>
    /// A replay moves the delivery state only: the subscription keeps its version. Its audit
    /// record shows the positions it moved between, so a worker's write of the state meanwhile
    /// runs the whole write again (<see cref="SubscriptionRules.RetryOnStateConflictAsync"/>).
    /// </summary>
    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult, ValidationProblem>> ReplayAsync(
        string id, ReplayInput input, [AsParameters] SubscriptionWrite write, ChangeFeed feed, DeliveryLog log)
    {
        var (states, ct) = (write.States, write.Cancellation);
        (DeliveryState Moved, string? LeftBehind)? replayed = null;
        var written = await SubscriptionRules.RetryOnStateConflictAsync(states, () => write.Writes.ChangeAsync(write.Context, id, async current =>
        {
            var validation = new Validation();
            var after = FeedPosition.ParseJson(input.After, "after", validation);
            if (validation.IsValid && (after is null) == (input.Since is null))
            {
                validation.Add("after", "Give either after (a feed position) or since (a time), not both.");
            }
            var state = await states.GetAsync(id, ct) ?? throw new InvalidOperationException($"Subscription {id} has no delivery state.");
            if (validation.IsValid && after > state.Value.Position)
            {
                validation.Add("after", $"A replay moves the cursor back; the subscription is at position {state.Value.Position}.");
            }
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }
            var target = after ?? await feed.PositionBeforeAsync(input.Since!.Value, ct);
            var moved = state.Value.Delivered(Math.Min(target, state.Value.Position));
            replayed = (moved, state.Value.HeadLogId);
            return Change<WebhookSubscription>.Recorded(SubscriptionResource.Replayed,
                    SubscriptionSnapshot.Of(current.Value, current.Version, state.Value.Position),
                    SubscriptionSnapshot.Of(current.Value, current.Version, moved.Position))
                .CommittedBy((writes, token) => states.Store.CommitAsync([.. writes, states.Replace(moved, state.Version)], token));
        }, ct));
        if (written.Problem is null && replayed is { } done)
        {
            if (done.LeftBehind is not null)
            {
                await log.SupersedeAsync(done.LeftBehind, ct);
            }
            write.Signal.Pulse();
        }
        return written.Answer(stored => TypedResults.Ok(SubscriptionResponse.From(stored.Value, stored.Version, replayed?.Moved, write.Clock.GetUtcNow())));
    }

    /// <summary>
    /// A ping changes nothing stored but the delivery log, and its effect (a POST to the
    /// partner) happened before anything commits, so it does not go through
    /// <see cref="VersionedWrites{T}"/>: there is no version to write against, and a stale
    /// If-Match could not undo the POST. Its record says who sent it and what came back.
    /// </summary>
    private static async Task<Results<Ok<PingResponse>, ProblemHttpResult>> PingAsync(
        string id, [AsParameters] SubscriptionRead read, WebhookSender sender, DeliveryLog log, AuditTrail audit)
    {
        var (current, refusal) = await FindAsync(id, read);
        if (current is null)
        {
            return refusal!;
        }
        var ping = new CloudEvent("1.0", Guid.NewGuid().ToString("N"), "/samverkan/subscriptions", PingType, id, read.Clock.GetUtcNow(),
            "application/json", JsonSerializer.SerializeToElement(new { subscriptionId = id }), id, null, null);
        var result = await sender.SendAsync(current.Value, ping.Id, ping.ToJson(), read.Cancellation);
        await log.RecordAsync(null, new DeliveryRecord(id, ping.Id, PingType, null, DeliveryStatus.Retrying, []), result,
            result.Succeeded ? DeliveryStatus.Delivered : DeliveryStatus.Failed, read.Cancellation);
        var answer = new PingResponse(ping.Id, result.Succeeded, result.StatusCode, result.Error, result.LatencyMs, result.At);
        await read.Subscriptions.Store.CommitAsync([audit.Record(SubscriptionResource.Pinged, SubscriptionsApi.AuditType, id, null, answer)], read.Cancellation);
        return TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<Page<DeliveryResponse>>, ProblemHttpResult, ValidationProblem>> ListDeliveriesAsync(
        string id, string? cursor, string? limit, [AsParameters] SubscriptionRead read, DeliveryLog log)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var (current, refusal) = await FindAsync(id, read);
        if (current is null)
        {
            return refusal!;
        }
        var page = await Paging.TakeAsync(log.ListAsync(id, afterId, read.Cancellation), take, entry => entry.Id, read.Cancellation);
        return TypedResults.Ok(new Page<DeliveryResponse>(
            page.Items.Select(entry => new DeliveryResponse(entry.Id, entry.Record.EventId, entry.Record.EventType,
                entry.Record.Position, entry.Record.Status, entry.Record.Attempts)).ToList(),
            page.NextCursor));
    }

    /// <summary>The subscription when it exists and the caller may act on it; otherwise the 404 or 403 to answer.</summary>
    private static async Task<(Versioned<WebhookSubscription>? Found, ProblemHttpResult? Refusal)> FindAsync(string id, SubscriptionRead read)
    {
        var current = await read.Subscriptions.GetAsync(id, read.Cancellation);
        if (current is null)
        {
            return (null, NotFoundProblem.For("subscription", id));
        }
        return SubscriptionAccess.Check(read.Context.Caller(), current.Value) is { } refused ? (null, refused) : (current, null);
    }
}
