using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit.Privacy;
using Samverkan.Contacts.Model;
using Samverkan.Http;
using Samverkan.Writes;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// The writes on /api/contacts (routes in <see cref="ContactsApi"/>). Each answers, in order:
/// 404 unknown, 410 erased, 403 not the caller's organisation, 412 stale If-Match, 400 invalid;
/// only then is the change stored, with its event and its audit record in the same commit
/// (<see cref="VersionedWrites{T}"/>, with <see cref="ContactResource"/>).
/// </summary>
internal static class ContactWrites
{
    public static async Task<Results<Created<ContactResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        ContactInput input, [AsParameters] ContactWrite write)
    {
        input = ContactChanges.Normalize(input);
        if (ContactAccess.Refusal(write.Caller, input.OwnerInstitutionId) is { } refused)
        {
            ContactsLog.RefusedCreation(write.Logger, input.OwnerInstitutionId);
            return refused;
        }
        var validation = ContactChanges.Validate(input, write.Today);
        await ContactReferences.CheckAsync(input, null, validation, write.Forums, write.Institutions, write.Cancellation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // A tombstone keeps its id too, so an erased contact's id is never handed out again.
        var created = await write.Writes.CreateAsync(write.Context, ContactChanges.IdBase(input), id => ContactChanges.Create(id, input), write.Cancellation);
        ContactsLog.Created(write.Logger, created.Value.Id);
        return TypedResults.Created($"/api/contacts/{created.Value.Id}", ContactsApi.Respond(write.Caller, created).Value);
    }

    /// <summary>
    /// PUT (the whole input, or what GET returned with fields changed) and PATCH (a merge patch).
    /// The body is read against the contact as this caller sees it. Whoever may write a contact
    /// may also see its person and note (<see cref="ContactAccess.Unseen"/> holds that), so
    /// sending back what GET returned never clears them.
    /// </summary>
    public static async Task<Results<Ok<ContactResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(string id, [AsParameters] ContactWrite write)
    {
        var sent = await ResourceBody.ReadAsync<ContactInput>(write.Context.Request, write.Json.Value.SerializerOptions, write.Cancellation);
        var written = await write.Writes.ChangeAsync(write.Context, id, async current =>
        {
            if (ContactAccess.Unseen(write.Caller) is { } unseen)
            {
                return unseen;
            }
            var validation = new Validation();
            if (sent.Against(ContactsApi.Respond(write.Caller, current).Value!, validation) is not { } read)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }
            var input = ContactChanges.Normalize(read);
            // Handing a contact to another organisation needs the right to edit for that one too.
            if (ContactAccess.Refusal(write.Caller, input.OwnerInstitutionId) is { } refused)
            {
                ContactsLog.Refused(write.Logger, id, input.OwnerInstitutionId);
                return refused;
            }
            validation = ContactChanges.Validate(input, write.Today);
            await ContactReferences.CheckAsync(input, current.Value, validation, write.Forums, write.Institutions, write.Cancellation);
            return validation.IsValid
                ? Change.To(WriteActions.Updated, ContactChanges.Update(current.Value, input))
                : TypedResults.ValidationProblem(validation.Errors);
        }, write.Cancellation);
        if (written.Stored is { } stored)
        {
            ContactsLog.Updated(write.Logger, id, stored.Version);
        }
        return written.Answer(stored => ContactsApi.Respond(write.Caller, stored));
    }

    public static async Task<Results<Ok<ContactResponse>, ProblemHttpResult, ValidationProblem>> VerifyAsync(string id, [AsParameters] ContactWrite write)
    {
        var today = write.Today;
        var written = await write.Writes.ChangeAsync(write.Context, id,
            current => Change.To(ContactResource.Verified, ContactChanges.Verify(current.Value, today)), write.Cancellation);
        if (written.Stored is not null)
        {
            ContactsLog.Verified(write.Logger, id, today);
        }
        return written.Answer(stored => ContactsApi.Respond(write.Caller, stored));
    }

    /// <summary>
    /// Replaces the contact with its tombstone, announces the erasure, and redacts this contact's
    /// events still waiting in the outbox, all in one commit; then the store forgets old versions.
    /// The audit record keeps that it happened and which fields went, never their values.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> EraseAsync(string id, [AsParameters] ContactWrite write)
    {
        var today = write.Today;
        var written = await write.Writes.ChangeAsync(write.Context, id,
            current => Change.To(ContactResource.Erased, ContactPrivacy.Tombstone(current.Value, today)).Erasing(PersonalData.Remove), write.Cancellation);
        if (written.Stored is not null)
        {
            ContactsLog.Erased(write.Logger, id);
        }
        return written.Answer(_ => TypedResults.NoContent());
    }
}
