using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// Whose subscriptions a caller may see and change. National staff: all. A partner: those it
/// owns, and a refusal (403) for anyone else's, reads included. The routes let in no one else
/// (Policies.PartnerOrAdmin); a partner token without a partner id is refused here.
/// </summary>
internal static class SubscriptionAccess
{
    /// <summary>What a new subscription records about who owns it and whether it may carry personal data.</summary>
    public sealed record Ownership(string? Owner, bool PersonalData);

    /// <summary>403 when the caller may not see or change <paramref name="subscription"/>; null when it may.</summary>
    public static ProblemHttpResult? Check(Caller caller, WebhookSubscription subscription) =>
        caller.IsRegistryAdmin || (caller.IsPartner && subscription.Owner == caller.Partner) ? null
            : caller.IsPartner ? Forbidden("The subscription belongs to another partner.")
            : NotAPartner();

    /// <summary>403 for a caller that is neither national staff nor a partner with a partner id.</summary>
    public static ProblemHttpResult NotAPartner() =>
        Forbidden("Only national staff and partner systems (with a partner id) manage webhook subscriptions.");

    /// <summary>
    /// A partner's subscription is its own and carries personal data when the partner may see it
    /// (it can ask for less). National staff may subscribe for a partner (<c>owner</c>); such a
    /// subscription carries personal data only when they say so, their own ones by default.
    /// </summary>
    public static (Ownership? Ownership, ProblemHttpResult? Refusal) ForNew(Caller caller, SubscriptionInput input, Validation validation)
    {
        if (caller.IsRegistryAdmin)
        {
            var owner = SubscriptionRules.Blank(input.Owner);
            if (owner is not null && !PartnerId.IsValid(owner))
            {
                validation.Add("owner", PartnerId.Rule);
            }
            return (new Ownership(owner, input.PersonalData ?? owner is null), null);
        }
        if (!caller.IsPartner)
        {
            return (null, NotAPartner());
        }
        if (input.Owner is not null && input.Owner != caller.Partner)
        {
            return (null, Forbidden("A partner subscribes for itself only; leave owner out."));
        }
        if (PersonalDataRefusal(caller, input.PersonalData) is { } refused)
        {
            return (null, refused);
        }
        return (new Ownership(caller.Partner, input.PersonalData ?? caller.MaySeePersonalData), null);
    }

    /// <summary>403 when the caller asks for personal data it may not see itself; null otherwise.</summary>
    public static ProblemHttpResult? PersonalDataRefusal(Caller caller, bool? personalData) =>
        personalData == true && !caller.MaySeePersonalData
            ? Forbidden($"personalData needs the {SamverkanClaims.PersonalDataScope} scope: deliveries cannot carry more than the caller may see.")
            : null;

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);
}
