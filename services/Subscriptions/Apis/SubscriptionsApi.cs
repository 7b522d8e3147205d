using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Webhook subscriptions, for national staff and partner systems; a partner sees and changes
/// only its own (<see cref="SubscriptionAccess"/>). The signing secret is in the answer to the
/// create (and rotate) call only; it is stored for signing, never logged, never audited and
/// never shown again.
/// </summary>
public static class SubscriptionsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Subscriptions", "Signed webhooks for partner systems: subscribe, rotate the secret, replay, ping, and read the delivery log.");

    public const string AuditType = "subscription";

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/subscriptions").WithTag(Tag).RequireAuthorization(Policies.PartnerOrAdmin);
        api.MapGet("/", ListAsync).WithName("ListSubscriptions").WithSummary("National staff: every subscription; a partner: its own");
        api.MapGet("/{id}", GetAsync).WithName("GetSubscription").WithSummary("Read one subscription with where its deliveries stand").ReadsVersioned();
        api.MapPost("/", CreateAsync).WithName("CreateSubscription")
            .WithSummary("Subscribe a URL to event types; the answer holds the signing secret, shown this once");
        api.MapPatch("/{id}", PatchAsync).WithName("PatchSubscription").WritesVersioned()
            .WithSummary("Change url, types, description, enabled or personalData; re-enabling resumes at the event that failed");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteSubscription").WritesVersioned()
            .WithSummary("Remove the subscription, its delivery state and its delivery log; deliveries stop");
        return app;
    }

    private static async Task<Results<Ok<Page<SubscriptionResponse>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? cursor, string? limit, [AsParameters] SubscriptionRead read)
    {
        var caller = read.Context.Caller();
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
        var page = await Paging.TakeAsync(read.Subscriptions.QueryAsync(tag, afterId, read.Cancellation), take, stored => stored.Value.Id, read.Cancellation);
        var items = new List<SubscriptionResponse>(page.Items.Count);
        foreach (var stored in page.Items)
        {
            items.Add(await read.ShowAsync(stored));
        }
        return TypedResults.Ok(new Page<SubscriptionResponse>(items, page.NextCursor));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetAsync(string id, [AsParameters] SubscriptionRead read)
    {
        var stored = await read.Subscriptions.GetAsync(id, read.Cancellation);
        if (stored is null)
        {
            return NotFoundProblem.For("subscription", id);
        }
        if (SubscriptionAccess.Check(read.Context.Caller(), stored.Value) is { } refused)
        {
            return refused;
        }
        var shown = await read.ShowAsync(stored);
        read.Context.SetETag(stored.Version);
        return TypedResults.Ok(shown);
    }

    private static async Task<Results<Created<SubscriptionResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        SubscriptionInput input, [AsParameters] SubscriptionWrite write, ChangeFeed feed, TargetPolicy policy, ILoggerFactory loggers)
    {
        var (ct, validation) = (write.Cancellation, new Validation());
        var (ownership, refused) = SubscriptionAccess.ForNew(write.Context.Caller(), input, validation);
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
        var now = write.Clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(SubscriptionRules.NewId(), input.Url!.Trim(), TypeFilter.Normalize(input.Types),
            SubscriptionRules.Blank(input.Description), true, null, null, now, [new SigningSecret(secret, now, null)],
            ownership!.Owner, ownership.PersonalData);
        var state = DeliveryState.StartingAfter(subscription.Id, startAfter ?? await feed.EndAsync(ct));
        // The record of the creation says where deliveries start; the state commits with it.
        var created = await write.Writes.InsertAsync(write.Context, subscription.Id,
            Change.To(WriteActions.Created, subscription).Showing(null, SubscriptionSnapshot.Of(subscription, 1, state.Position))
                .CommittedBy((writes, token) => write.States.Store.CommitAsync([.. writes, write.States.Insert(state)], token)), ct);
        write.Signal.Pulse();
        loggers.CreateLogger(typeof(SubscriptionsApi)).LogInformation(
            "Created webhook subscription {SubscriptionId} for {Owner} to {Host}, starting after position {Position}",
            subscription.Id, subscription.Owner ?? "national staff", new Uri(subscription.Url).Host, state.Position);
        write.Context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}",
            SubscriptionResponse.From(subscription, created.Version, state, now) with { Secret = secret });
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult, ValidationProblem>> PatchAsync(
        string id, SubscriptionPatch patch, [AsParameters] SubscriptionWrite write, TargetPolicy policy)
    {
        var now = write.Clock.GetUtcNow();
        DeliveryState? state = null;
        var written = await write.Writes.ChangeAsync(write.Context, id, async current =>
        {
            if (SubscriptionAccess.PersonalDataRefusal(write.Context.Caller(), patch.PersonalData) is { } refused)
            {
                return refused;
            }
            var validation = new Validation();
            if (patch.Url is not null)
            {
                await SubscriptionRules.CheckUrlAsync(patch.Url, policy, validation, write.Cancellation);
            }
            SubscriptionRules.CheckFields(patch.Types, patch.Description, validation);
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }
            var before = current.Value;
            var changed = SubscriptionRules.Apply(before, patch, now);
            // A new target, new types or a re-enable deserve a try at once, with the retry schedule from its start.
            var freshStart = changed.Url != before.Url || !changed.Types.SequenceEqual(before.Types) || (changed.Enabled && !before.Enabled);
            return Change.To(WriteActions.Updated, changed).CommittedBy(async (writes, token) =>
                state = await SubscriptionRules.CommitWithStateAsync(write.States, id, writes, s => freshStart ? s.WithFreshHead() : s, token));
        }, write.Cancellation);
        if (written.Problem is null)
        {
            write.Signal.Pulse();
        }
        return written.Answer(stored => TypedResults.Ok(SubscriptionResponse.From(stored.Value, stored.Version, state, now)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(
        string id, [AsParameters] SubscriptionWrite write, DeliveryLog log)
    {
        var written = await write.Writes.DeleteAsync(write.Context, id, null, write.Cancellation,
            commit: (writes, token) => SubscriptionRules.DeleteWithStateAsync(write.States, id, writes, token));
        if (written.Problem is null)
        {
            write.Signal.Pulse();
            await log.DeleteAllAsync(id, write.Cancellation);
        }
        return written.Answer(_ => TypedResults.NoContent());
    }
}
