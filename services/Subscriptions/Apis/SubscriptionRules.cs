using System.Security.Cryptography;
using Samverkan.ServiceDefaults.Problems;
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

    /// <summary>
    /// Commits <paramref name="writes"/> together with a change to the delivery state. The worker
    /// writes the state after every attempt, so a conflict on it is retried with a fresh read; a
    /// conflict on the subscription itself is the client's (409, or 412 with If-Match).
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
            catch (ConcurrencyConflictException e) when (e.Collection == states.Name && attempt < 10)
            {
                // The worker recorded an attempt between the read and the commit.
            }
        }
    }
}
