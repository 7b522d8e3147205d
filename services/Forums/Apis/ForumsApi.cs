using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit;
using Samverkan.Events.Outbox;
using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Text;

namespace Samverkan.Forums.Apis;

public static class ForumsApi
{
    public static IEndpointRouteBuilder MapForumsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forums").WithTags("Forums");
        api.MapGet("/", ListAsync).WithSummary("List forums by region, participating institution, parent, status or text");
        api.MapGet("/{id}", GetAsync).WithName("GetForum").ReadsVersioned();
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.RegistryAdmin);
        api.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.RegistryAdmin);
        api.MapDelete("/{id}", DeleteAsync).RequireAuthorization(Policies.RegistryAdmin).WithSummary("Remove a forum that has no sub-groups");
        return app;
    }

    private static async Task<Results<Ok<Page<ForumResponse>>, ValidationProblem>> ListAsync(
        string? region, string? institution, string? parent, string? status, string? q, string? cursor, int? limit,
        DocumentCollection<Forum> forums, InstitutionNames names, CancellationToken ct)
    {
        var validation = new Validation().Id("region", region).Id("institution", institution).Id("parent", parent).Search("q", q);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        var statusFilter = QueryEnum.Parse<ForumStatus>("status", status, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // The most selective tag drives the scan; the other filters apply to what it yields.
        var tag = institution is not null ? $"institution:{institution}"
            : parent is not null ? $"parent:{parent}"
            : region is not null ? $"region:{region}" : null;
        var matches = forums.QueryAsync(tag, afterId, ct).Where(stored =>
            (region is null || stored.Value.RegionIds.Contains(region))
            && (parent is null || stored.Value.ParentId == parent)
            && (statusFilter is null || stored.Value.Status == statusFilter)
            && (q is null || SearchText.Matches(q, [stored.Value.Name, stored.Value.Abbreviation, stored.Value.Purpose])));
        var page = await Paging.TakeAsync(matches, take, stored => stored.Value.Id, ct);
        var known = await names.ForAsync(page.Items.Select(stored => stored.Value), ct);
        return TypedResults.Ok(new Page<ForumResponse>(
            page.Items.Select(stored => ForumResponse.From(stored.Value, stored.Version, known)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ForumResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Forum> forums, InstitutionNames names, CancellationToken ct)
    {
        var stored = await forums.GetAsync(id, ct);
        return stored is null ? NotFoundProblem.For("forum", id) : await RespondAsync(context, stored, names, ct);
    }

    private static async Task<IResult> CreateAsync(
        ForumInput input, HttpContext context, DocumentCollection<Forum> forums, ForumReferences references,
        InstitutionNames names, EventOutbox outbox, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var validation = await ValidateAsync(null, input, references, clock, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var slug = Slug.From(input.Abbreviation ?? input.Name!);
        // The meeting history is bounded as stored (lastMeetingOn joins it), which the id does not change.
        if (ForumValidation.ValidateStored(input.ToForum(slug), validation) is { IsValid: false } tooLarge)
        {
            return TypedResults.ValidationProblem(tooLarge.Errors);
        }
        var response = await forums.CommitWithFreeIdAsync(slug, async id =>
        {
            var forum = input.ToForum(id);
            var created = ForumResponse.From(forum, 1, await names.ForAsync([forum], ct));
            await outbox.CommitAsync(
                [forums.Insert(forum), audit.RecordChange(ForumEvents.Created, id, null, created)], [ForumEvents.Announce(ForumEvents.Created, created)], ct);
            return created;
        }, ct);
        context.SetETag(1);
        return TypedResults.Created($"/api/forums/{response.Id}", response);
    }

    private static async Task<IResult> UpdateAsync(
        string id, ForumInput input, HttpContext context, DocumentCollection<Forum> forums, ForumReferences references,
        InstitutionNames names, EventOutbox outbox, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var current = await forums.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("forum", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        var validation = await ValidateAsync(id, input, references, clock, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var forum = input.ToForum(id, current.Value.RecordedMeetings());
        if (ForumValidation.ValidateStored(forum, validation) is { IsValid: false } tooLarge)
        {
            return TypedResults.ValidationProblem(tooLarge.Errors);
        }
        return await ReplaceAsync(context, forums, names, outbox, audit, "updated", current, forum, ct);
    }

    /// <summary>
    /// Stores a changed forum against the version read, with the event announcing it and the audit
    /// record of <paramref name="action"/>, and answers it.
    /// </summary>
    internal static async Task<Ok<ForumResponse>> ReplaceAsync(
        HttpContext context, DocumentCollection<Forum> forums, InstitutionNames names, EventOutbox outbox, AuditTrail audit,
        string action, Versioned<Forum> current, Forum forum, CancellationToken ct)
    {
        var known = await names.ForAsync([current.Value, forum], ct);
        var response = ForumResponse.From(forum, current.Version + 1, known);
        var audited = audit.Record(action, "forum", forum.Id, ForumResponse.From(current.Value, current.Version, known), response);
        await outbox.CommitAsync([forums.Replace(forum, current.Version), audited], [ForumEvents.Announce(ForumEvents.Updated, response)], ct);
        context.SetETag(response.Version);
        return TypedResults.Ok(response);
    }

    private static async Task<IResult> DeleteAsync(
        string id, HttpContext context, DocumentCollection<Forum> forums, InstitutionNames names, EventOutbox outbox, AuditTrail audit,
        CancellationToken ct)
    {
        var current = await forums.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("forum", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        if (await forums.QueryAsync($"parent:{id}", cancellationToken: ct).AnyAsync(ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The forum has sub-groups.",
                detail: "Remove or move its sub-groups first.");
        }
        var before = ForumResponse.From(current.Value, current.Version, await names.ForAsync([current.Value], ct));
        await outbox.CommitAsync([forums.Delete(id, current.Version), audit.RecordChange(ForumEvents.Deleted, id, before, null)], [ForumEvents.Tombstone(id)], ct);
        return TypedResults.NoContent();
    }

    private static async Task<Validation> ValidateAsync(
        string? id, ForumInput input, ForumReferences references, TimeProvider clock, CancellationToken ct)
    {
        var validation = ForumValidation.Validate(input, SwedishDate.Today(clock));
        // Only a forum within its bounds is worth asking other services about.
        if (validation.IsValid)
        {
            await references.CheckAsync(id, input, validation, ct);
        }
        return validation;
    }

    private static async Task<Ok<ForumResponse>> RespondAsync(
        HttpContext context, Versioned<Forum> stored, InstitutionNames names, CancellationToken ct)
    {
        context.SetETag(stored.Version);
        var known = await names.ForAsync([stored.Value], ct);
        return TypedResults.Ok(ForumResponse.From(stored.Value, stored.Version, known));
    }
}
