using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Contacts.Events;
using Samverkan.Contacts.Model;
using Samverkan.Events.Outbox;
using Samverkan.Forums.Protos;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Problems;
using Samverkan.ServiceDefaults.Text;
using Samverkan.Storage;

namespace Samverkan.Contacts.Apis;

/// <summary>
/// Contact points, which hold personal data. Visibility per role comes later: for now every
/// caller sees every field. Deleting erases (a hard delete), unlike institutions and forums.
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contacts").WithTags("Contacts");
        api.MapGet("/", ListAsync).WithSummary("List contacts, optionally those of one forum, institution or owner institution");
        api.MapGet("/{id}", GetAsync).WithName("GetContact");
        api.MapPost("/", CreateAsync);
        api.MapPut("/{id}", UpdateAsync).WithSummary("Replace the contact; fields left out are cleared");
        api.MapDelete("/{id}", EraseAsync).WithSummary("Erase the contact and the personal data it holds; it cannot be restored");
        api.MapPost("/{id}/verify", VerifyAsync).WithSummary("Record that the contact was confirmed current today");
        return app;
    }

    private static async Task<Results<Ok<Page<ContactResponse>>, ValidationProblem>> ListAsync(
        string? forum, string? institution, string? owner, string? cursor, int? limit,
        DocumentCollection<Contact> contacts, CancellationToken ct)
    {
        var validation = new Validation();
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
            (forum is null || stored.Value.ForumId == forum)
            && (institution is null || stored.Value.InstitutionId == institution)
            && (owner is null || stored.Value.OwnerInstitutionId == owner));
        var page = await Paging.TakeAsync(matches, take, stored => stored.Value.Id, ct);
        return TypedResults.Ok(new Page<ContactResponse>(
            page.Items.Select(stored => ContactResponse.From(stored.Value, stored.Version)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, CancellationToken ct)
    {
        var stored = await contacts.GetAsync(id, ct);
        return stored is null ? NotFoundProblem.For("contact", id) : Respond(context, stored);
    }

    private static async Task<Results<Created<ContactResponse>, ValidationProblem>> CreateAsync(
        ContactInput input, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, TimeProvider clock,
        ForumDirectory.ForumDirectoryClient forums, InstitutionDirectory.InstitutionDirectoryClient institutions,
        ILoggerFactory loggers, CancellationToken ct)
    {
        input = ContactChanges.Normalize(input);
        var validation = ContactChanges.Validate(input, Today(clock));
        await ContactReferences.CheckAsync(input, null, validation, forums, institutions, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var idBase = ContactChanges.IdBase(input);
        var id = await contacts.GetAsync(idBase, ct) is null ? idBase : Slug.WithSuffix(idBase);
        var contact = ContactChanges.Create(id, input);
        await outbox.CommitAsync(contacts.Insert(contact), ContactEvents.Announce(ContactEvents.Created, contact, 1), ct);
        ContactsLog.Created(Logger(loggers), id);
        context.SetETag(1);
        return TypedResults.Created($"/api/contacts/{id}", ContactResponse.From(contact, 1));
    }

    private static async Task<IResult> UpdateAsync(
        string id, ContactInput input, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, TimeProvider clock,
        ForumDirectory.ForumDirectoryClient forums, InstitutionDirectory.InstitutionDirectoryClient institutions,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var current = await contacts.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("contact", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        input = ContactChanges.Normalize(input);
        var validation = ContactChanges.Validate(input, Today(clock));
        await ContactReferences.CheckAsync(input, current.Value, validation, forums, institutions, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var stored = await ReplaceAsync(contacts, outbox, ContactEvents.Updated, ContactChanges.Update(current.Value, input), current.Version, ct);
        ContactsLog.Updated(Logger(loggers), id, stored.Version);
        return Respond(context, stored);
    }

    private static async Task<IResult> VerifyAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var current = await contacts.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("contact", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        var today = Today(clock);
        var stored = await ReplaceAsync(contacts, outbox, ContactEvents.Verified, ContactChanges.Verify(current.Value, today), current.Version, ct);
        ContactsLog.Verified(Logger(loggers), id, today);
        return Respond(context, stored);
    }

    private static async Task<IResult> EraseAsync(
        string id, HttpContext context, DocumentCollection<Contact> contacts, EventOutbox outbox, ILoggerFactory loggers,
        CancellationToken ct)
    {
        var current = await contacts.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("contact", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        await outbox.CommitErasureAsync([contacts.Delete(id, current.Version)], ContactEvents.Tombstone(id), ContactEvents.RemovePersonalData, ct);
        ContactsLog.Erased(Logger(loggers), id);
        return TypedResults.NoContent();
    }

    /// <summary>Stored against the version read, with its event: a write that landed meanwhile surfaces as 409/412, never lost.</summary>
    private static async Task<Versioned<Contact>> ReplaceAsync(
        DocumentCollection<Contact> contacts, EventOutbox outbox, string eventType, Contact changed, long currentVersion, CancellationToken ct)
    {
        var version = currentVersion + 1;
        await outbox.CommitAsync(contacts.Replace(changed, currentVersion), ContactEvents.Announce(eventType, changed, version), ct);
        return new Versioned<Contact>(changed, version);
    }

    private static Ok<ContactResponse> Respond(HttpContext context, Versioned<Contact> stored)
    {
        context.SetETag(stored.Version);
        return TypedResults.Ok(ContactResponse.From(stored.Value, stored.Version));
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(ContactsApi));

    private static DateOnly Today(TimeProvider clock) => SwedishDate.Today(clock);
}
