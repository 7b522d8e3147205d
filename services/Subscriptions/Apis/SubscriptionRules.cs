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
    private const int MaxStateRetries = 10;

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
    /// Commits <paramref name="writes"/> (the subscription, its audit record: they do not depend
    /// on the state) together with a change to the delivery state. The worker writes the state
    /// after every attempt, so a conflict on it is retried with a fresh read; a conflict on the
    /// subscription itself is the client's (409, or 412 with If-Match). Answers the state stored.
    /// </summary>
    public static async Task<DeliveryState> CommitWithStateAsync(
        DocumentCollection<DeliveryState> states, string id, IReadOnlyList<DocumentWrite> writes,
        Func<DeliveryState, DeliveryState> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await states.GetAsync(id, ct) ?? throw new InvalidOperationException($"Subscription {id} has no delivery state.");
            var changed = change(state.Value);
            try
            {
                await states.Store.CommitAsync([.. writes, states.Replace(changed, state.Version)], ct);
                return changed;
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < MaxStateRetries)
            {
                // The worker recorded an attempt between the read and the commit.
            }
        }
    }

    /// <summary>Commits <paramref name="writes"/> (the subscription's removal, its audit record) with the removal of its delivery state, retrying when the worker writes the state meanwhile.</summary>
    public static async Task DeleteWithStateAsync(
        DocumentCollection<DeliveryState> states, string id, IReadOnlyList<DocumentWrite> writes, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await states.GetAsync(id, ct);
            try
            {
                await states.Store.CommitAsync(state is null ? writes : [.. writes, states.Delete(id, state.Version)], ct);
                return;
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < MaxStateRetries)
            {
                // The worker recorded an attempt meanwhile.
            }
        }
    }

    /// <summary>
    /// Runs a whole write again when its commit met the worker's write of the delivery state: for
    /// a write whose audit record shows the state it read (a replay), so the record always says
    /// what was committed. Each run reads the subscription and the state afresh.
    /// </summary>
    public static async Task<TResult> RetryOnStateConflictAsync<TResult>(DocumentCollection<DeliveryState> states, Func<Task<TResult>> write)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < MaxStateRetries)
            {
                // The worker recorded an attempt between the read and the commit.
            }
        }
    }
}
