using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Audit;
using Samverkan.Events.Outbox;
using Samverkan.Http;
using Samverkan.Institutions.Events;
using Samverkan.Institutions.Model;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Text;

namespace Samverkan.Institutions.Apis;

/// <summary>Institutions: anyone reads, national staff change (the registry's own data, not an organisation's).</summary>
public static class InstitutionsApi
{
    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/institutions").WithTags("Institutions");
        api.MapGet("/", ListAsync).WithSummary("List institutions; q searches current and former names and abbreviations");
        api.MapGet("/{id}", GetAsync).WithName("GetInstitution").ReadsVersioned();
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.RegistryAdmin);
        api.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.RegistryAdmin).WithSummary("Update; a new name is recorded as a rename and the old one kept as history");
        api.MapDelete("/{id}", RetireAsync).RequireAuthorization(Policies.RegistryAdmin).WithSummary("Retire (close) the institution; it is never erased");
        api.MapPost("/{id}/merge", MergeAsync).RequireAuthorization(Policies.RegistryAdmin).WithSummary("Record that the institution was merged into a successor");
        api.MapPost("/{id}/planned-mergers", AddPlannedMergerAsync).RequireAuthorization(Policies.RegistryAdmin).WithSummary("Record a planned merger, or a dropped one, as history");
        return app;
    }

    private static async Task<Results<Ok<Page<InstitutionResponse>>, ValidationProblem>> ListAsync(
        string? q, string? kind, string? region, string? status, string? cursor, int? limit,
        DocumentCollection<Institution> institutions, RegionDirectory.RegionDirectoryClient regions, CancellationToken ct)
    {
        var validation = new Validation().Search("q", q).Id("region", region);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        var kindFilter = QueryEnum.Parse<InstitutionKind>("kind", kind, validation);
        var statusFilter = status == "any" ? null : QueryEnum.Parse<InstitutionStatus>("status", status ?? "active", validation);
        var members = region is null ? null : await RegionMembersAsync(regions, region, validation, ct);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var matches = institutions.QueryAsync(afterId: afterId, cancellationToken: ct).Where(stored =>
            (kindFilter is null || stored.Value.Kind == kindFilter)
            && (statusFilter is null || stored.Value.Status == statusFilter)
            && (members is null || members.Contains(stored.Value.Id))
            && (q is null || SearchText.Matches(q, stored.Value.SearchableNames())));
        var page = await Paging.TakeAsync(matches, take, stored => stored.Value.Id, ct);
        return TypedResults.Ok(new Page<InstitutionResponse>(
            page.Items.Select(stored => InstitutionResponse.From(stored.Value, stored.Version)).ToList(), page.NextCursor));
    }

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Institution> institutions, CancellationToken ct)
    {
        var stored = await institutions.GetAsync(id, ct);
        return stored is null ? NotFoundProblem.For("institution", id) : Respond(context, stored);
    }

    private static async Task<Results<Created<InstitutionResponse>, ValidationProblem>> CreateAsync(
        InstitutionInput input, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit, CancellationToken ct)
    {
        var validation = InstitutionChanges.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var response = await institutions.CommitWithFreeIdAsync(Slug.From(input.Name!), async id =>
        {
            var institution = InstitutionChanges.Create(id, input);
            var created = InstitutionResponse.From(institution, 1);
            await outbox.CommitAsync(
                [institutions.Insert(institution), audit.RecordChange(InstitutionEvents.Created, id, null, created)],
                [InstitutionEvents.Announce(InstitutionEvents.Created, institution, 1)], ct);
            return created;
        }, ct);
        context.SetETag(1);
        return TypedResults.Created($"/api/institutions/{response.Id}", response);
    }

    private static Task<IResult> UpdateAsync(
        string id, InstitutionInput input, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var validation = InstitutionChanges.Validate(input);
        return validation.IsValid
            ? ChangeAsync(id, context, institutions, outbox, audit, InstitutionEvents.Updated, current => InstitutionChanges.Update(current, input, Today(clock)), ct)
            : Task.FromResult<IResult>(TypedResults.ValidationProblem(validation.Errors));
    }

    private static async Task<IResult> RetireAsync(
        string id, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit, TimeProvider clock,
        CancellationToken ct)
    {
        var result = await ChangeAsync(id, context, institutions, outbox, audit, InstitutionEvents.Retired, current => InstitutionChanges.Retire(current, Today(clock)), ct);
        return result is Ok<InstitutionResponse> ? TypedResults.NoContent() : result;
    }

    private static async Task<IResult> MergeAsync(
        string id, MergeInput input, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit,
        TimeProvider clock, CancellationToken ct)
    {
        var validation = InstitutionChanges.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        if (input.SuccessorId == id)
        {
            validation.Add("successorId", "An institution cannot merge into itself.");
        }
        else if (input.SuccessorId is not null && await institutions.GetAsync(input.SuccessorId, ct) is null)
        {
            validation.Add("successorId", $"No institution has the id '{input.SuccessorId}'.");
        }
        return validation.IsValid
            ? await ChangeAsync(id, context, institutions, outbox, audit, InstitutionEvents.Merged, current => InstitutionChanges.Merge(current, input, Today(clock)), ct)
            : TypedResults.ValidationProblem(validation.Errors);
    }

    private static async Task<IResult> AddPlannedMergerAsync(
        string id, PlannedMergerInput input, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit,
        CancellationToken ct)
    {
        var validation = InstitutionChanges.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        foreach (var (related, index) in (input.RelatedInstitutionIds ?? []).Select((related, index) => (related, index)))
        {
            if (await institutions.GetAsync(related, ct) is null)
            {
                validation.Add($"relatedInstitutionIds[{index}]", $"No institution has the id '{related}'.");
            }
        }
        return validation.IsValid
            ? await ChangeAsync(id, context, institutions, outbox, audit, InstitutionEvents.Updated, current => InstitutionChanges.AddPlannedMerger(current, input), ct)
            : TypedResults.ValidationProblem(validation.Errors);
    }

    /// <summary>
    /// Load, check If-Match, apply, and store with the version read, together with the event
    /// announcing it: a concurrent write surfaces as 409/412, never lost.
    /// </summary>
    private static async Task<IResult> ChangeAsync(
        string id, HttpContext context, DocumentCollection<Institution> institutions, EventOutbox outbox, AuditTrail audit, string eventType,
        Func<Institution, Institution> change, CancellationToken ct)
    {
        var current = await institutions.GetAsync(id, ct);
        if (current is null)
        {
            return NotFoundProblem.For("institution", id);
        }
        if (context.CheckIfMatch(current.Version) is { } failed)
        {
            return failed;
        }
        var changed = change(current.Value);
        if (InstitutionChanges.ValidateStored(changed) is { IsValid: false } tooLarge)
        {
            return TypedResults.ValidationProblem(tooLarge.Errors);
        }
        var version = current.Version + 1;
        var audited = audit.RecordChange(eventType, id, InstitutionResponse.From(current.Value, current.Version), InstitutionResponse.From(changed, version));
        await outbox.CommitAsync([institutions.Replace(changed, current.Version), audited], [InstitutionEvents.Announce(eventType, changed, version)], ct);
        return Respond(context, new Versioned<Institution>(changed, version));
    }

    private static async Task<HashSet<string>?> RegionMembersAsync(
        RegionDirectory.RegionDirectoryClient regions, string region, Validation validation, CancellationToken ct)
    {
        try
        {
            var reply = await regions.GetRegionAsync(new GetRegionRequest { Id = region }, cancellationToken: ct);
            return reply.Members.Select(member => member.InstitutionId).ToHashSet(StringComparer.Ordinal);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            validation.Add("region", $"No healthcare region has the id '{region}'.");
            return null;
        }
    }

    private static Ok<InstitutionResponse> Respond(HttpContext context, Versioned<Institution> stored)
    {
        context.SetETag(stored.Version);
        return TypedResults.Ok(InstitutionResponse.From(stored.Value, stored.Version));
    }

    private static DateOnly Today(TimeProvider clock) => SwedishDate.Today(clock);
}
