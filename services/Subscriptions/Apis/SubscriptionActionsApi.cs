using System.Text.Json;
using Samverkan.Events;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Apis;

/// <summary>What a partner does with a subscription besides editing it: rotate its secret, replay, ping, read its delivery log.</summary>
public static class SubscriptionActionsApi
{
    public const string PingType = "samverkan.ping.v1";
    private const double MaxOverlapHours = 24 * 30;

    public static IEndpointRouteBuilder MapSubscriptionActionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subscriptions/{id}").WithTags("Subscriptions");
        api.MapPost("/secret/rotate", RotateAsync)
            .WithSummary("A new signing secret, shown this once; the old one keeps signing beside it for overlapHours (default 24)");
        api.MapPost("/replay", ReplayAsync)
            .WithSummary("Move the cursor back, after a position or to a time; events come again with the same webhook-id");
        api.MapPost("/ping", PingAsync).WithSummary("Send one signed samverkan.ping.v1 event now and return what the endpoint answered");
        api.MapGet("/deliveries", ListDeliveriesAsync).WithSummary("The delivery log: each event with every attempt, oldest first");
        return app;
    }

    private static async Task<IResult> RotateAsync(
        string id, RotateInput? input, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, TimeProvider clock, CancellationToken ct)
    {
        var overlap = input?.OverlapHours ?? 24;
        if (overlap is < 0 or > MaxOverlapHours || double.IsNaN(overlap))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["overlapHours"] = [$"Between 0 and {MaxOverlapHours} hours."] });
        }
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
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
        await subscriptions.ReplaceAsync(rotated, current.Version, ct);
        var state = await states.GetAsync(id, ct);
        context.SetETag(current.Version + 1);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(SubscriptionResponse.From(rotated, current.Version + 1, state?.Value, now) with { Secret = secret });
    }

    private static async Task<IResult> ReplayAsync(
        string id, ReplayInput input, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        ChangeFeed feed, DeliveryLog log, SubscriptionSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var after = FeedPosition.ParseJson(input.After, "after", validation);
        if (validation.IsValid && (after is null) == (input.Since is null))
        {
            validation.Add("after", "Give either after (a feed position) or since (a time), not both.");
        }
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
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
        var replayed = await SubscriptionRules.CommitWithStateAsync(states, id, [], state =>
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
        string id, DocumentCollection<WebhookSubscription> subscriptions, WebhookSender sender, DeliveryLog log, TimeProvider clock,
        CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        var ping = new CloudEvent("1.0", Guid.NewGuid().ToString("N"), "/samverkan/subscriptions", PingType, id, clock.GetUtcNow(),
            "application/json", JsonSerializer.SerializeToElement(new { subscriptionId = id }), id, null, null);
        var result = await sender.SendAsync(current.Value, ping.Id, ping.ToJson(), ct);
        await log.RecordAsync(null, new DeliveryRecord(id, ping.Id, PingType, null, DeliveryStatus.Retrying, []), result,
            result.Succeeded ? DeliveryStatus.Delivered : DeliveryStatus.Failed, ct);
        return TypedResults.Ok(new PingResponse(ping.Id, result.Succeeded, result.StatusCode, result.Error, result.LatencyMs, result.At));
    }

    private static async Task<IResult> ListDeliveriesAsync(
        string id, string? cursor, string? limit, DocumentCollection<WebhookSubscription> subscriptions, DeliveryLog log, CancellationToken ct)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        if (await subscriptions.GetAsync(id, ct) is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        var page = await Paging.TakeAsync(log.ListAsync(id, afterId, ct), take, entry => entry.Id, ct);
        return TypedResults.Ok(new Page<DeliveryResponse>(
            page.Items.Select(entry => new DeliveryResponse(entry.Id, entry.Record.EventId, entry.Record.EventType,
                entry.Record.Position, entry.Record.Status, entry.Record.Attempts)).ToList(),
            page.NextCursor));
    }
}
