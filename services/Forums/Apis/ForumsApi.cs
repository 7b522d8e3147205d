using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Text;
using Samverkan.Writes;

namespace Samverkan.Forums.Apis;

public static class ForumsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Forums", "Collaboration forums: purpose, formal basis, participants, sub-groups, chair and secretary, meetings, status and provenance.");

    public static IEndpointRouteBuilder MapForumsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forums").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListForums")
            .WithSummary("List forums by region, participating institution, parent, status, kind (forum or otherBody) or text (names, purpose, predecessors' names); with asOf, as they stood on that date");
        api.MapGet("/{id}", GetAsync).WithName("GetForum")
            .WithSummary("Read one forum with its participants' current names; with asOf, as it stood on that date (participants, names, meetings, status)").ReadsVersioned();
        var writes = api.MapGroup("").RequireAuthorization(Policies.RegistryAdmin);
        writes.MapPost("/", CreateAsync).WithName("CreateForum").WithSummary("Add a forum");
        writes.MapPut("/{id}", UpdateAsync).WithName("ReplaceForum").Accepts<ForumInput>("application/json").WritesVersioned()
            .WithSummary("Replace the forum; a body as GET returned it is accepted (read-only fields ignored when they match)");
        writes.MapPatch("/{id}", UpdateAsync).WithName("PatchForum").Accepts<ForumInput>(MergePatch.MediaType).WritesVersioned()
            .WithSummary("Change some fields (JSON Merge Patch); the rest stays as it is");
        writes.MapDelete("/{id}", DeleteAsync).WithName("DeleteForum").WritesVersioned().WithSummary("Remove a forum that has no sub-groups");
        return app;
    }

    private static async Task<Results<Ok<Page<ForumResponse>>, ValidationProblem>> ListAsync(
        string? region, string? institution, string? parent, string? status, string? kind, string? q, string? asOf, string? cursor, int? limit,
        DocumentCollection<Forum> forums, [AsParameters] ForumRead read, CancellationToken ct)
    {
        var validation = new Validation().Id("region", region).Id("institution", institution).Id("parent", parent).Search("q", q);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        var statusFilter = QueryEnum.Parse<ForumStatus>("status", status, validation);
        var kindFilter = QueryEnum.Parse<ForumKind>("kind", kind, validation);
        var date = read.AsOf(asOf, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        // The most selective tag drives the scan; the other filters apply to what it yields.
        var tag = institution is not null ? $"institution:{institution}"
            : parent is not null ? $"parent:{parent}"
            : region is not null ? $"region:{region}" : null;
        var matches = forums.QueryAsync(tag, afterId, ct).Select((stored, cancel) => read.ShownAsync(stored, date, forums, cancel)).OfType<Versioned<Forum>>().Where(stored =>
            (region is null || stored.Value.RegionIds.Contains(region))
            && (institution is null || stored.Value.Participants.Any(p => p.InstitutionId == institution))
            && (parent is null || stored.Value.ParentId == parent)
            && (statusFilter is null || stored.Value.Status == statusFilter)
            && (kindFilter is null || stored.Value.Kind == kindFilter)
            && (q is null || SearchText.Matches(q, stored.Value.SearchableText())));
        var page = await Paging.TakeAsync(matches, take, stored => stored.Value.Id, ct);
        var known = await read.Names.ForAsync(page.Items.Select(stored => stored.Value), ct, date);
        return TypedResults.Ok(new Page<ForumResponse>(
            page.Items.Select(stored => ForumResponse.From(stored.Value, stored.Version, known)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<ForumResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, string? asOf, HttpContext context, DocumentCollection<Forum> forums, [AsParameters] ForumRead read, CancellationToken ct)
    {
        var validation = new Validation();
        var date = read.AsOf(asOf, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var stored = await forums.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("forum", id);
        }
        if (await read.ShownAsync(stored, date, forums, ct) is not { } shown)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The forum did not exist on that date.",
                detail: $"Forum '{id}' was started in {stored.Value.StartYear}, after asOf {asOf}.");
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(ForumResponse.From(shown.Value, shown.Version, await read.Names.ForAsync([shown.Value], ct, date)));
    }

    private static async Task<Results<Created<ForumResponse>, ValidationProblem>> CreateAsync(ForumInput input, [AsParameters] ForumWrite write)
    {
        var validation = await ValidateAsync(null, input, write);
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
        var created = await write.Writes.CreateAsync(write.Context, slug, id => input.ToForum(id), write.Cancellation);
        var response = await RespondAsync(created, write.Names, write.Cancellation);
        return TypedResults.Created($"/api/forums/{created.Value.Id}", response.Value);
    }

    /// <summary>PUT (the whole input, or what GET returned with fields changed: read-only fields ignored when they match) and PATCH (a merge patch).</summary>
    private static async Task<Results<Ok<ForumResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(string id, [AsParameters] ForumWrite write)
    {
        var sent = await ResourceBody.ReadAsync<ForumInput>(write.Context.Request, write.Json.Value.SerializerOptions, write.Cancellation);
        var written = await write.Writes.ChangeAsync(write.Context, id, async current =>
        {
            var validation = new Validation();
            var shown = ForumResponse.From(current.Value, current.Version, await write.Names.ForAsync([current.Value], write.Cancellation));
            var input = sent.Against(shown, validation);
            if (input is not null)
            {
                validation = await ValidateAsync(id, input, write);
            }
            return validation.IsValid
                ? Change.To(WriteActions.Updated, input!.ToForum(id, current.Value))
                : TypedResults.ValidationProblem(validation.Errors);
        }, write.Cancellation);
        return await written.AnswerAsync(stored => RespondAsync(stored, write.Names, write.Cancellation));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(string id, [AsParameters] ForumWrite write)
    {
        var written = await write.Writes.DeleteAsync(write.Context, id, async _ =>
            await write.Forums.QueryAsync($"parent:{id}", cancellationToken: write.Cancellation).AnyAsync(write.Cancellation)
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The forum has sub-groups.",
                    detail: "Remove or move its sub-groups first.")
                : null, write.Cancellation);
        return written.Answer(_ => TypedResults.NoContent());
    }

    private static async Task<Validation> ValidateAsync(string? id, ForumInput input, ForumWrite write)
    {
        var validation = ForumValidation.Validate(input, write.Today);
        // Only a forum within its bounds is worth asking other services about.
        if (validation.IsValid)
        {
            await write.References.CheckAsync(id, input, validation, write.Cancellation);
        }
        return validation;
    }

    /// <summary>The forum as the API shows it; the version's ETag is set by the read or the write.</summary>
    internal static async Task<Ok<ForumResponse>> RespondAsync(Versioned<Forum> stored, InstitutionNames names, CancellationToken ct) =>
        TypedResults.Ok(ForumResponse.From(stored.Value, stored.Version, await names.ForAsync([stored.Value], ct)));
}
