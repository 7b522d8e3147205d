using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Contacts.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// Who may change which contact, beyond the endpoint's <see cref="Policies.Editor"/>: national
/// staff any, an organisation editor those owned by one of its organisations, and a contact
/// without an owner only national staff. Checked before anything is stored or looked up
/// elsewhere, so a refused write leaves no trace but the refusal itself.
/// </summary>
internal static class ContactAccess
{
    /// <summary>A 403 problem naming the owner when the caller may not change contacts it owns; null when it may.</summary>
    public static ProblemHttpResult? Refusal(Caller caller, string? ownerInstitutionId) =>
        caller.MayEditFor(ownerInstitutionId) ? null : TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not your organisation's contact.",
            detail: ownerInstitutionId is null
                ? "A contact without an owner institution can be changed by registry admins only."
                : $"Only registry admins and editors of '{ownerInstitutionId}' may change contacts owned by '{ownerInstitutionId}'.");

    /// <summary>
    /// A 403 problem when the caller is shown contacts without person and note: a replacement it
    /// sends back would clear them unseen. No caller the editor policy admits is such a caller
    /// (<see cref="Caller.MaySeePersonalData"/>); this keeps it so if the policy ever widens.
    /// </summary>
    public static ProblemHttpResult? Unseen(Caller caller) => caller.MaySeePersonalData ? null : TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Personal data not visible to you.",
        detail: "Replacing or patching a contact needs the right to see its person and note.");

    /// <summary>A 410 problem for an erased contact: its id stays taken, its data is gone.</summary>
    public static ProblemHttpResult? Gone(Contact contact) => contact.ErasedOn is not { } erasedOn ? null : TypedResults.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: "Contact erased.",
        detail: $"Contact '{contact.Id}' was erased on {erasedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
}
