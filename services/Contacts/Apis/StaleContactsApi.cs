using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Contacts.Model;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Text;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// Contacts nobody has confirmed for a while, per owner institution, so each owner sees what it
/// must check. Confirming one is a single call: <c>POST /api/contacts/{id}/verify</c>. Like
/// every read of contacts, personal fields only for callers who may see them; erased ones never.
/// </summary>
public static class StaleContactsApi
{
    public static IEndpointRouteBuilder MapStaleContactsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/contacts").WithTag(ContactsApi.Tag)
            .MapGet("/stale", ListAsync).WithName("ListStaleContacts")
            .WithSummary("Contacts not verified for olderThanMonths (default Contacts:StaleAfterMonths), grouped by owner institution; owner: only that institution's");
        return app;
    }

    private static async Task<Results<Ok<StaleContacts>, ValidationProblem>> ListAsync(
        int? olderThanMonths, string? owner, HttpContext context, DocumentCollection<Contact> contacts, IOptions<StalenessOptions> staleness, TimeProvider clock,
        CancellationToken ct)
    {
        var months = olderThanMonths ?? staleness.Value.StaleAfterMonths;
        var validation = new Validation().Id("owner", owner);
        if (months is < 0 or > StalenessOptions.MaxMonths)
        {
            validation.Add("olderThanMonths", $"Between 0 and {StalenessOptions.MaxMonths}.");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var today = SwedishDate.Today(clock);
        var verifiedBefore = today.AddMonths(-months);
        var caller = context.Caller();
        var stale = new List<ContactResponse>();
        // One owner's are found by its tag (an organisation's page asks for its own, not the nation's).
        await foreach (var stored in contacts.QueryAsync(tag: owner is null ? null : ContactTags.Owner(owner), cancellationToken: ct))
        {
            if (stored.Value.ErasedOn is null && (owner is null || stored.Value.OwnerInstitutionId == owner) && IsStale(stored.Value, verifiedBefore))
            {
                stale.Add(ContactResponse.From(stored.Value, stored.Version, caller));
            }
        }
        var owners = stale
            .GroupBy(contact => contact.OwnerInstitutionId)
            .OrderBy(group => group.Key is null)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new StaleOwner(group.Key, [.. group
                .OrderBy(contact => contact.VerifiedOn ?? DateOnly.MinValue)
                .ThenBy(contact => contact.Id, StringComparer.Ordinal)]))
            .ToList();
        return TypedResults.Ok(new StaleContacts(months, today, verifiedBefore, stale.Count, owners));
    }

    /// <summary>Never verified, or last verified before the cutoff (a contact verified on the cutoff day is still current).</summary>
    public static bool IsStale(Contact contact, DateOnly verifiedBefore) =>
        contact.VerifiedOn is not { } verified || verified < verifiedBefore;
}

/// <param name="OlderThanMonths">The period asked for (or the configured default).</param>
/// <param name="Today">The date the answer was computed for (Swedish date).</param>
/// <param name="VerifiedBefore">Contacts last verified before this day, or never, are listed.</param>
/// <param name="Total">How many contacts are listed in all.</param>
/// <param name="Owners">One group per owner institution, in id order; contacts without an owner come last, under null.</param>
public sealed record StaleContacts(int OlderThanMonths, DateOnly Today, DateOnly VerifiedBefore, int Total, IReadOnlyList<StaleOwner> Owners);

/// <param name="OwnerInstitutionId">The institution that keeps these contacts current; null for contacts nobody owns.</param>
/// <param name="Contacts">Oldest verification first (never verified before all).</param>
public sealed record StaleOwner(string? OwnerInstitutionId, IReadOnlyList<ContactResponse> Contacts);
