using System.Text.Json;
using Samverkan.Audit;
using Samverkan.Events;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

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
        var api = app.MapGroup("/api/subscriptions/{id}").WithTags("Subscriptions").RequireAuthorization(Policies.PartnerOrAdmin);
        api.MapPost("/secret/rotate", RotateAsync)
            .WithSummary("A new signing secret, shown this once; the old one keeps signing beside it for overlapHours (default 24)");
        api.MapPost("/replay", ReplayAsync)
            .WithSummary("Move the cursor back, after a position or to a time; events come again with the same webhook-id");
        api.MapPost("/ping", PingAsync).WithSummary("Send one signed samverkan.ping.v1 event now and return what the endpoint answered");
        api.MapGet("/deliveries", ListDeliveriesAsync).WithSummary("The delivery log: each event with every attempt, oldest first");
        return app;
    }

    /// <summary>The subscription when it exists and the caller may act on it; otherwise the 404 or 403 to answer.</summary>
    private static async Task<(Versioned<WebhookSubscription>? Found, IResult? Refusal)> FindAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return (null, NotFoundProblem.For("subscription", id));
        }
        return SubscriptionAccess.Check(context.Caller(), current.Value) is { } refused ? (null, refused) : (current, null);
    }

    private static async Task<IResult> RotateAsync(
        string id, RotateInput? input, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var (current, refusal) = await FindAsync(id, context, subscriptions, ct);
        if (current is null)
        {
            return refusal!;
        }
        var overlap = input?.OverlapHours ?? 24;
        if (overlap is < 0 or > MaxOverlapHours || double.IsNaN(overlap))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["overlapHours"] = [$"Between 0 and {MaxOverlapHours} hours."] });
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        var now = clock.GetUtcNow();
        var endsAt = now + TimeSpan.FromHours(overlap);
        var secret = WebhookSignature.NewSecret();
        // Older secrets keep an earlier end; expired ones are dropped from storage.
        var kept = current.Value.Secrets
            .Select(old => old.ExpiresAt is null || old.ExpiresAt > endsAt ? old with { ExpiresAt = endsAt } : old)
            .Where(old => old.IsActive(now));
        var rotated = current.Value with { Secrets = [new SigningSecret(secret, now, null), .. kept] };
        var version = current.Version + 1;
        await subscriptions.Store.CommitAsync([
            subscriptions.Replace(rotated, current.Version),
            audit.Record("secret-rotated", SubscriptionsApi.AuditType, id,
                SubscriptionSnapshot.Of(current.Value, current.Version), SubscriptionSnapshot.Of(rotated, version)),
        ], ct);
        var state = await states.GetAsync(id, ct);
        context.SetETag(version);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(SubscriptionResponse.From(rotated, version, state?.Value, now) with { Secret = secret });
    }

    private static async Task<IResult> ReplayAsync(
        string id, ReplayInput input, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, ChangeFeed feed, DeliveryLog log, SubscriptionSignal signal, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (current, refusal) = await FindAsync(id, context, subscriptions, ct);
        if (current is null)
        {
            return refusal!;
        }
        var validation = new Validation();
        var after = FeedPosition.ParseJson(input.After, "after", validation);
        if (validation.IsValid && (after is null) == (input.Since is null))
        {
            validation.Add("after", "Give either after (a feed position) or since (a time), not both.");
        }
        var state = await states.GetAsync(id, ct);
        if (validation.IsValid && after > state?.Value.Position)
        {
            validation.Add("after", $"A replay moves the cursor back; the subscription is at position {state.Value.Position}.");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var target = after ?? await feed.PositionBeforeAsync(input.Since!.Value, ct);
        string? leftBehind = null;
        var replayed = await SubscriptionRules.CommitWithStateAsync(states, id,
            (before, moved) => [audit.Record("replayed", SubscriptionsApi.AuditType, id,
                SubscriptionSnapshot.Of(current.Value, current.Version, before.Position),
                SubscriptionSnapshot.Of(current.Value, current.Version, moved.Position))],
            state =>
            {
                leftBehind = state.HeadLogId;
                return state.Delivered(Math.Min(target, state.Position));
            }, ct);
        if (leftBehind is not null)
        {
            await log.SupersedeAsync(leftBehind, ct);
        }
        signal.Pulse();
        return TypedResults.Ok(SubscriptionResponse.From(current.Value, current.Version, replayed, clock.GetUtcNow()));
    }

    private static async Task<IResult> PingAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, WebhookSender sender, DeliveryLog log,
        AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var (current, refusal) = await FindAsync(id, context, subscriptions, ct);
        if (current is null)
        {
            return refusal!;
        }
        var ping = new CloudEvent("1.0", Guid.NewGuid().ToString("N"), "/samverkan/subscriptions", PingType, id, clock.GetUtcNow(),
            "application/json", JsonSerializer.SerializeToElement(new { subscriptionId = id }), id, null, null);
        var result = await sender.SendAsync(current.Value, ping.Id, ping.ToJson(), ct);
        await log.RecordAsync(null, new DeliveryRecord(id, ping.Id, PingType, null, DeliveryStatus.Retrying, []), result,
            result.Succeeded ? DeliveryStatus.Delivered : DeliveryStatus.Failed, ct);
        var answer = new PingResponse(ping.Id, result.Succeeded, result.StatusCode, result.Error, result.LatencyMs, result.At);
        // A ping changes nothing stored but the delivery log; the record says who sent it and what came back.
        await subscriptions.Store.CommitAsync([audit.Record("pinged", SubscriptionsApi.AuditType, id, null, answer)], ct);
        return TypedResults.Ok(answer);
    }

    private static async Task<IResult> ListDeliveriesAsync(
        string id, string? cursor, string? limit, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DeliveryLog log, CancellationToken ct)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var (current, refusal) = await FindAsync(id, context, subscriptions, ct);
        if (current is null)
        {
            return refusal!;
        }
        var page = await Paging.TakeAsync(log.ListAsync(id, afterId, ct), take, entry => entry.Id, ct);
        return TypedResults.Ok(new Page<DeliveryResponse>(
            page.Items.Select(entry => new DeliveryResponse(entry.Id, entry.Record.EventId, entry.Record.EventType,
                entry.Record.Position, entry.Record.Status, entry.Record.Attempts)).ToList(),
            page.NextCursor));
    }
}
