using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Webhook subscriptions. The signing secret is in the answer to the create (and rotate) call
/// only; it is stored for signing, never logged and never shown again.
/// </summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subscriptions").WithTags("Subscriptions");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}", GetAsync).WithName("GetSubscription");
        api.MapPost("/", CreateAsync).WithSummary("Subscribe a URL to event types; the answer holds the signing secret, shown this once");
        api.MapPatch("/{id}", PatchAsync).WithSummary("Change url, types, description or enabled; re-enabling resumes at the event that failed");
        api.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<SubscriptionResponse>>, ValidationProblem>> ListAsync(
        string? cursor, string? limit, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var page = await Paging.TakeAsync(subscriptions.QueryAsync(afterId: afterId, cancellationToken: ct), take, stored => stored.Value.Id, ct);
        var items = new List<SubscriptionResponse>(page.Items.Count);
        foreach (var stored in page.Items)
        {
            var state = await states.GetAsync(stored.Value.Id, ct);
            items.Add(SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, clock.GetUtcNow()));
        }
        return TypedResults.Ok(new Page<SubscriptionResponse>(items, page.NextCursor));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        TimeProvider clock, CancellationToken ct)
    {
        var stored = await subscriptions.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        var state = await states.GetAsync(id, ct);
        context.SetETag(stored.Version);
        return TypedResults.Ok(SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> CreateAsync(
        SubscriptionInput input, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, ChangeFeed feed, TargetPolicy policy, SubscriptionSignal signal,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var validation = new Validation();
        await SubscriptionRules.CheckUrlAsync(input.Url, policy, validation, ct);
        SubscriptionRules.CheckFields(input.Types, input.Description, validation);
        var startAfter = FeedPosition.ParseJson(input.StartAfter, "startAfter", validation);
        var end = await feed.EndAsync(ct);
        if (startAfter > end)
        {
            validation.Add("startAfter", $"Beyond the end of the feed ({end}).");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var now = clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(SubscriptionRules.NewId(), input.Url!.Trim(), TypeFilter.Normalize(input.Types),
            SubscriptionRules.Blank(input.Description), true, null, null, now, [new SigningSecret(secret, now, null)]);
        var state = DeliveryState.StartingAfter(subscription.Id, startAfter ?? end);
        await subscriptions.Store.CommitAsync([subscriptions.Insert(subscription), states.Insert(state)], ct);
        signal.Pulse();
        loggers.CreateLogger(typeof(SubscriptionsApi)).LogInformation(
            "Created webhook subscription {SubscriptionId} to {Host}, starting after position {Position}",
            subscription.Id, new Uri(subscription.Url).Host, state.Position);
        context.SetETag(1);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}",
            SubscriptionResponse.From(subscription, 1, state, now) with { Secret = secret });
    }

    private static async Task<IResult> PatchAsync(
        string id, SubscriptionPatch patch, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, TargetPolicy policy, SubscriptionSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        var validation = new Validation();
        if (patch.Url is not null)
        {
            await SubscriptionRules.CheckUrlAsync(patch.Url, policy, validation, ct);
        }
        SubscriptionRules.CheckFields(patch.Types, patch.Description, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var now = clock.GetUtcNow();
        var before = current.Value;
        var changed = before with
        {
            Url = patch.Url?.Trim() ?? before.Url,
            Types = patch.Types is null ? before.Types : TypeFilter.Normalize(patch.Types),
            Description = patch.Description is null ? before.Description : SubscriptionRules.Blank(patch.Description),
        };
        if (patch.Enabled == true && !before.Enabled)
        {
            changed = changed with { Enabled = true, DisabledReason = null, DisabledAt = null };
        }
        else if (patch.Enabled == false && before.Enabled)
        {
            changed = changed.Disable("Disabled through the API.", now);
        }
        // A new target, new types or a re-enable deserve a try at once, with the retry schedule from its start.
        var freshStart = changed.Url != before.Url || !changed.Types.SequenceEqual(before.Types) || (changed.Enabled && !before.Enabled);
        var state = await SubscriptionRules.CommitWithStateAsync(states, id, [subscriptions.Replace(changed, current.Version)],
            state => freshStart ? state.WithFreshHead() : state, ct);
        signal.Pulse();
        context.SetETag(current.Version + 1);
        return TypedResults.Ok(SubscriptionResponse.From(changed, current.Version + 1, state, now));
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        DeliveryLog log, SubscriptionSignal signal, CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        for (var attempt = 0; ; attempt++)
        {
            var state = await states.GetAsync(id, ct);
            DocumentWrite[] writes = state is null
                ? [subscriptions.Delete(id, current.Version)]
                : [subscriptions.Delete(id, current.Version), states.Delete(id, state.Version)];
            try
            {
                await subscriptions.Store.CommitAsync(writes, ct);
                break;
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < 10)
            {
                // The worker recorded an attempt meanwhile.
            }
        }
        signal.Pulse();
        await log.DeleteAllAsync(id, ct);
        return TypedResults.NoContent();
    }
}
