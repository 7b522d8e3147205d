using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Contacts.Model;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// Contact points, which hold personal data. Anyone may read them, but only callers who may see
/// personal data get <c>person</c> and <c>note</c>; writes are for national staff and the
/// editors of the owning organisation (<see cref="ContactAccess"/>), each audited. Deleting
/// erases: a tombstone without personal data keeps the id, which then answers 410 Gone.
/// </summary>
public static class ContactsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Contacts", "Contact points of forums and institutions. The person behind one is personal data: shown only to those allowed, erasable.");

    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contacts").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListContacts").WithSummary("List contacts, optionally those of one forum, institution or owner institution");
        api.MapGet("/{id}", GetAsync).WithName("GetContact").WithSummary("Read one contact; person and note only for callers who may see personal data")
            .ReadsVersioned();
        var writes = api.MapGroup("").RequireAuthorization(Policies.Editor);
        writes.MapPost("/", ContactWrites.CreateAsync).WithName("CreateContact").WithSummary("Add a contact for an organisation the caller may edit for");
        writes.MapPut("/{id}", ContactWrites.UpdateAsync).WithName("ReplaceContact").Accepts<ContactInput>("application/json").WritesVersioned()
            .WithSummary("Replace the contact; fields left out are cleared, read-only fields as GET returned them are ignored");
        writes.MapPatch("/{id}", ContactWrites.UpdateAsync).WithName("PatchContact").Accepts<ContactInput>(MergePatch.MediaType).WritesVersioned()
            .WithSummary("Change some fields (JSON Merge Patch); the rest stays as it is");
        writes.MapDelete("/{id}", ContactWrites.EraseAsync).WithName("EraseContact").WritesVersioned()
            .WithSummary("Erase the contact and the personal data it holds; it cannot be restored, and its id answers 410 afterwards");
        writes.MapPost("/{id}/verify", ContactWrites.VerifyAsync).WithName("VerifyContact").WritesVersioned()
            .WithSummary("Record that the contact was confirmed current today");
        return app;
    }

    private static async Task<Results<Ok<Page<ContactResponse>>, ValidationProblem>> ListAsync(
        string? forum, string? institution, string? owner, string? cursor, int? limit,
        HttpContext context, DocumentCollection<Contact> contacts, CancellationToken ct)
    {
        var validation = new Validation().Id("forum", forum).Id("institution", institution).Id("owner", owner);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // The store finds one tag; any further filter is applied to that (already narrow) stream.
        var tag = forum is not null ? ContactTags.Forum(forum)
            : institution is not null ? ContactTags.Institution(institution)
            : owner is not null ? ContactTags.Owner(owner)
            : null;
        var matches = contacts.QueryAsync(tag: tag, afterId: afterId, cancellationToken: ct).Where(stored =>
            stored.Value.ErasedOn is null
            && (forum is null || stored.Value.ForumId == forum)
            && (institution is null || stored.Value.InstitutionId == institution)
            && (owner is null || stored.Value.OwnerInstitutionId == owner));
        var page = await Paging.TakeAsync(matches, take, stored => stored.Value.Id, ct);
        var caller = context.Caller();
        return TypedResults.Ok(new Page<ContactResponse>(
            page.Items.Select(stored => ContactResponse.From(stored.Value, stored.Version, caller)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, CancellationToken ct)
    {
        var stored = await contacts.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("contact", id);
        }
        if (ContactAccess.Gone(stored.Value) is { } gone)
        {
            return gone;
        }
        context.SetETag(stored.Version);
        return Respond(context.Caller(), stored);
    }

    /// <summary>The contact as the caller may see it; the version's ETag is set by the read or the write.</summary>
    internal static Ok<ContactResponse> Respond(Caller caller, Versioned<Contact> stored) =>
        TypedResults.Ok(ContactResponse.From(stored.Value, stored.Version, caller));
}
