using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit;
using Samverkan.Audit.Privacy;
using Samverkan.Contacts.Events;
using Samverkan.Contacts.Model;
using Samverkan.Events.Outbox;
using Samverkan.Forums.Protos;
using Samverkan.Http;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Text;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// The writes on /api/contacts (routes in <see cref="ContactsApi"/>). Each answers, in order:
/// 404 unknown, 410 erased, 403 not the caller's organisation, 412 stale If-Match, 400 invalid;
/// only then is the change stored, with its event and its audit record in the same commit.
/// </summary>
internal static class ContactWrites
{
    public static async Task<Results<Created<ContactResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        ContactInput input, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, AuditTrail audit,
        TimeProvider clock, ForumDirectory.ForumDirectoryClient forums, InstitutionDirectory.InstitutionDirectoryClient institutions,
        ILoggerFactory loggers, CancellationToken ct)
    {
        input = ContactChanges.Normalize(input);
        if (ContactAccess.Refusal(context.Caller(), input.OwnerInstitutionId) is { } refused)
        {
            ContactsLog.RefusedCreation(Logger(loggers), input.OwnerInstitutionId);
            return refused;
        }
        var validation = ContactChanges.Validate(input, Today(clock));
        await ContactReferences.CheckAsync(input, null, validation, forums, institutions, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // A tombstone keeps its id too, so an erased contact's id is never handed out again.
        var contact = await contacts.CommitWithFreeIdAsync(ContactChanges.IdBase(input), async id =>
        {
            var fresh = ContactChanges.Create(id, input);
            var created = ContactResponse.From(fresh, 1);
            await outbox.CommitAsync(
                [contacts.Insert(fresh), audit.RecordChange(ContactEvents.Created, id, null, created)],
                [ContactEvents.Announce(ContactEvents.Created, fresh, 1)], ct);
            return fresh;
        }, ct);
        ContactsLog.Created(Logger(loggers), contact.Id);
        context.SetETag(1);
        return TypedResults.Created($"/api/contacts/{contact.Id}", ContactResponse.From(contact, 1, context.Caller()));
    }

    public static async Task<IResult> UpdateAsync(
        string id, ContactInput input, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, AuditTrail audit,
        TimeProvider clock, ForumDirectory.ForumDirectoryClient forums, InstitutionDirectory.InstitutionDirectoryClient institutions,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (current, refusal) = await WritableAsync(id, context, contacts, loggers, ct);
        if (current is null)
        {
            return refusal!;
        }
        input = ContactChanges.Normalize(input);
        // Handing a contact to another organisation needs the right to edit for that one too.
        if (ContactAccess.Refusal(context.Caller(), input.OwnerInstitutionId) is { } refused)
        {
            ContactsLog.Refused(Logger(loggers), id, input.OwnerInstitutionId);
            return refused;
        }
        var validation = ContactChanges.Validate(input, Today(clock));
        await ContactReferences.CheckAsync(input, current.Value, validation, forums, institutions, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var stored = await ReplaceAsync(contacts, outbox, audit, ContactEvents.Updated, current, ContactChanges.Update(current.Value, input), ct);
        ContactsLog.Updated(Logger(loggers), id, stored.Version);
        return ContactsApi.Respond(context, stored);
    }

    public static async Task<IResult> VerifyAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, AuditTrail audit, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (current, refusal) = await WritableAsync(id, context, contacts, loggers, ct);
        if (current is null)
        {
            return refusal!;
        }
        var today = Today(clock);
        var stored = await ReplaceAsync(contacts, outbox, audit, ContactEvents.Verified, current, ContactChanges.Verify(current.Value, today), ct);
        ContactsLog.Verified(Logger(loggers), id, today);
        return ContactsApi.Respond(context, stored);
    }

    /// <summary>
    /// Replaces the contact with its tombstone, announces the erasure, and redacts this contact's
    /// events still waiting in the outbox, all in one commit; then the store forgets old versions.
    /// The audit record keeps that it happened and which fields went, never their values.
    /// </summary>
    public static async Task<IResult> EraseAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, AuditTrail audit, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (current, refusal) = await WritableAsync(id, context, contacts, loggers, ct);
        if (current is null)
        {
            return refusal!;
        }
        var tombstone = ContactPrivacy.Tombstone(current.Value, Today(clock));
        var before = ContactResponse.From(current.Value, current.Version);
        await outbox.CommitErasureAsync(
            [contacts.Replace(tombstone, current.Version), audit.RecordChange(ContactEvents.Erased, id, before, tombstone)],
            ContactEvents.Tombstone(id), PersonalData.Remove, ct);
        ContactsLog.Erased(Logger(loggers), id);
        return TypedResults.NoContent();
    }

    /// <summary>The stored contact if this caller may write it now; otherwise the problem that says why not.</summary>
    private static async Task<(Versioned<Contact>? Current, IResult? Refusal)> WritableAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, ILoggerFactory loggers, CancellationToken ct)
    {
        var current = await contacts.GetAsync(id, ct);
        if (current is null)
        {
            return (null, NotFoundProblem.For("contact", id));
        }
        if (ContactAccess.Gone(current.Value) is { } gone)
        {
            return (null, gone);
        }
        if (ContactAccess.Refusal(context.Caller(), current.Value.OwnerInstitutionId) is { } refused)
        {
            ContactsLog.Refused(Logger(loggers), id, current.Value.OwnerInstitutionId);
            return (null, refused);
        }
        return context.CheckIfMatch(current.Version) is { } failed ? (null, failed) : (current, null);
    }

    /// <summary>Stored against the version read, with its event and audit record: a write that landed meanwhile surfaces as 409/412, never lost.</summary>
    private static async Task<Versioned<Contact>> ReplaceAsync(
        DocumentCollection<Contact> contacts, EventOutbox outbox, AuditTrail audit, string eventType,
        Versioned<Contact> current, Contact changed, CancellationToken ct)
    {
        var version = current.Version + 1;
        var after = ContactResponse.From(changed, version);
        await outbox.CommitAsync(
            [contacts.Replace(changed, current.Version), audit.RecordChange(eventType, changed.Id, ContactResponse.From(current.Value, current.Version), after)],
            [ContactEvents.Announce(eventType, changed, version)], ct);
        return new Versioned<Contact>(changed, version);
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(ContactsApi));

    private static DateOnly Today(TimeProvider clock) => SwedishDate.Today(clock);
}
