using Samverkan.Audit;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Webhook subscriptions, for national staff and partner systems; a partner sees and changes
/// only its own (<see cref="SubscriptionAccess"/>). The signing secret is in the answer to the
/// create (and rotate) call only; it is stored for signing, never logged, never audited and
/// never shown again.
/// </summary>
public static class SubscriptionsApi
{
    public const string AuditType = "subscription";

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.PartnerOrAdmin);
        api.MapGet("/", ListAsync).WithSummary("National staff: every subscription; a partner: its own");
        api.MapGet("/{id}", GetAsync).WithName("GetSubscription").ReadsVersioned();
        api.MapPost("/", CreateAsync).WithSummary("Subscribe a URL to event types; the answer holds the signing secret, shown this once");
        api.MapPatch("/{id}", PatchAsync)
            .WithSummary("Change url, types, description, enabled or personalData; re-enabling resumes at the event that failed");
        api.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(
        string? cursor, string? limit, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, TimeProvider clock, CancellationToken ct)
    {
        var caller = context.Caller();
        if (!caller.IsRegistryAdmin && !caller.IsPartner)
        {
            return SubscriptionAccess.NotAPartner();
        }
        var validation = new Validation();
        var (afterId, take) = Paging.Parse(cursor, QueryValues.Limit(limit, validation), validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var tag = caller.IsRegistryAdmin ? null : WebhookSubscription.OwnerTag(caller.Partner!);
        var page = await Paging.TakeAsync(subscriptions.QueryAsync(tag, afterId, ct), take, stored => stored.Value.Id, ct);
        var items = new List<SubscriptionResponse>(page.Items.Count);
        foreach (var stored in page.Items)
        {
            var state = await states.GetAsync(stored.Value.Id, ct);
            items.Add(SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, clock.GetUtcNow()));
        }
        return TypedResults.Ok(new Page<SubscriptionResponse>(items, page.NextCursor));
    }

    private static async Task<IResult> GetAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        TimeProvider clock, CancellationToken ct)
    {
        var stored = await subscriptions.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        if (SubscriptionAccess.Check(context.Caller(), stored.Value) is { } refused)
        {
            return refused;
        }
        var state = await states.GetAsync(id, ct);
        context.SetETag(stored.Version);
        return TypedResults.Ok(SubscriptionResponse.From(stored.Value, stored.Version, state?.Value, clock.GetUtcNow()));
    }

    private static async Task<IResult> CreateAsync(
        SubscriptionInput input, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, ChangeFeed feed, TargetPolicy policy, SubscriptionSignal signal, AuditTrail audit,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var validation = new Validation();
        var (ownership, refused) = SubscriptionAccess.ForNew(context.Caller(), input, validation);
        if (refused is not null)
        {
            return refused;
        }
        await SubscriptionRules.CheckUrlAsync(input.Url, policy, validation, ct);
        SubscriptionRules.CheckFields(input.Types, input.Description, validation);
        var startAfter = FeedPosition.ParseJson(input.StartAfter, "startAfter", validation);
        if (startAfter is { } start)
        {
            await feed.CheckCursorAsync(start, "startAfter", validation, ct);
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var now = clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(SubscriptionRules.NewId(), input.Url!.Trim(), TypeFilter.Normalize(input.Types),
            SubscriptionRules.Blank(input.Description), true, null, null, now, [new SigningSecret(secret, now, null)],
            ownership!.Owner, ownership.PersonalData);
        var state = DeliveryState.StartingAfter(subscription.Id, startAfter ?? await feed.EndAsync(ct));
        await subscriptions.Store.CommitAsync([
            subscriptions.Insert(subscription),
            states.Insert(state),
            audit.Record("created", AuditType, subscription.Id, null, SubscriptionSnapshot.Of(subscription, 1, state.Position)),
        ], ct);
        signal.Pulse();
        loggers.CreateLogger(typeof(SubscriptionsApi)).LogInformation(
            "Created webhook subscription {SubscriptionId} for {Owner} to {Host}, starting after position {Position}",
            subscription.Id, subscription.Owner ?? "national staff", new Uri(subscription.Url).Host, state.Position);
        context.SetETag(1);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}",
            SubscriptionResponse.From(subscription, 1, state, now) with { Secret = secret });
    }

    private static async Task<IResult> PatchAsync(
        string id, SubscriptionPatch patch, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions,
        DocumentCollection<DeliveryState> states, TargetPolicy policy, SubscriptionSignal signal, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        var caller = context.Caller();
        if ((SubscriptionAccess.Check(caller, current.Value) ?? SubscriptionAccess.PersonalDataRefusal(caller, patch.PersonalData)) is { } refused)
        {
            return refused;
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
        var changed = SubscriptionRules.Apply(before, patch, now);
        // A new target, new types or a re-enable deserve a try at once, with the retry schedule from its start.
        var freshStart = changed.Url != before.Url || !changed.Types.SequenceEqual(before.Types) || (changed.Enabled && !before.Enabled);
        var version = current.Version + 1;
        var state = await SubscriptionRules.CommitWithStateAsync(states, id,
            (_, _) => [
                subscriptions.Replace(changed, current.Version),
                audit.Record("updated", AuditType, id, SubscriptionSnapshot.Of(before, current.Version), SubscriptionSnapshot.Of(changed, version)),
            ],
            state => freshStart ? state.WithFreshHead() : state, ct);
        signal.Pulse();
        context.SetETag(version);
        return TypedResults.Ok(SubscriptionResponse.From(changed, version, state, now));
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states,
        DeliveryLog log, SubscriptionSignal signal, AuditTrail audit, CancellationToken ct)
    {
        var current = await subscriptions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        if (SubscriptionAccess.Check(context.Caller(), current.Value) is { } refused)
        {
            return refused;
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        await SubscriptionRules.DeleteAsync(subscriptions, states, id, current.Version,
            audit.Record("deleted", AuditType, id, SubscriptionSnapshot.Of(current.Value, current.Version), null), ct);
        signal.Pulse();
        await log.DeleteAllAsync(id, ct);
        return TypedResults.NoContent();
    }
}
