using System.Security.Cryptography;
using Samverkan.Http;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Apis;

/// <summary>Checks and writes shared by the subscription endpoints.</summary>
internal static class SubscriptionRules
{
    public const int MaxDescriptionLength = 500;

    public static string NewId() => $"sub_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static async Task CheckUrlAsync(string? url, TargetPolicy policy, Validation validation, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            validation.Add("url", "This field is required.");
        }
        else if (await policy.CheckUrlAsync(url.Trim(), ct) is { } problem)
        {
            validation.Add("url", problem);
        }
    }

    public static void CheckFields(IReadOnlyList<string>? types, string? description, Validation validation)
    {
        TypeFilter.Parse(types, "types", validation);
        validation.MaxLength("description", description, MaxDescriptionLength);
    }

    /// <summary>The subscription with the patch's fields applied; fields left out stay, an empty description clears it.</summary>
    public static WebhookSubscription Apply(WebhookSubscription before, SubscriptionPatch patch, DateTimeOffset now)
    {
        var changed = before with
        {
            Url = patch.Url?.Trim() ?? before.Url,
            Types = patch.Types is null ? before.Types : TypeFilter.Normalize(patch.Types),
            Description = patch.Description is null ? before.Description : Blank(patch.Description),
            PersonalData = patch.PersonalData ?? before.PersonalData,
        };
        if (patch.Enabled == true && !before.Enabled)
        {
            changed = changed with { Enabled = true, DisabledReason = null, DisabledAt = null };
        }
        else if (patch.Enabled == false && before.Enabled)
        {
            changed = changed.Disable("Disabled through the API.", now);
        }
        return changed;
    }

    /// <summary>
    /// Commits a change to the delivery state together with the writes made from it (the state
    /// before and after: the subscription, its audit record). The worker writes the state after
    /// every attempt, so a conflict on it is retried with a fresh read; a conflict on the
    /// subscription itself is the client's (409, or 412 with If-Match).
    /// </summary>
    public static async Task<DeliveryState> CommitWithStateAsync(
        DocumentCollection<DeliveryState> states, string id, Func<DeliveryState, DeliveryState, IEnumerable<DocumentWrite>> writes,
        Func<DeliveryState, DeliveryState> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await states.GetAsync(id, ct) ?? throw new InvalidOperationException($"Subscription {id} has no delivery state.");
            var changed = change(state.Value);
            try
            {
                await states.Store.CommitAsync([.. writes(state.Value, changed), states.Replace(changed, state.Version)], ct);
                return changed;
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < 10)
            {
                // The worker recorded an attempt between the read and the commit.
            }
        }
    }

    /// <summary>Deletes the subscription and its delivery state in one commit with <paramref name="audit"/>, retrying when the worker writes the state meanwhile.</summary>
    public static async Task DeleteAsync(
        DocumentCollection<WebhookSubscription> subscriptions, DocumentCollection<DeliveryState> states, string id, long version,
        DocumentWrite audit, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await states.GetAsync(id, ct);
            DocumentWrite[] writes = state is null
                ? [subscriptions.Delete(id, version), audit]
                : [subscriptions.Delete(id, version), states.Delete(id, state.Version), audit];
            try
            {
                await subscriptions.Store.CommitAsync(writes, ct);
                return;
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < 10)
            {
                // The worker recorded an attempt meanwhile.
            }
        }
    }
}
