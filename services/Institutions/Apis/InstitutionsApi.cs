using Samverkan.ServiceDefaults.OpenApi;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.Institutions.Model;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage;
using Samverkan.Text;
using Samverkan.Writes;

namespace Samverkan.Institutions.Apis;

/// <summary>Institutions: anyone reads, national staff change (the registry's own data, not an organisation's).</summary>
public static class InstitutionsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Institutions", "Regions, county councils and universities: their kind, name history and lifecycle (renamed, merged, retired, dropped mergers).");

    public static IEndpointRouteBuilder MapInstitutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/institutions").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListInstitutions")
            .WithSummary("List institutions; q searches current and former names and abbreviations");
        api.MapGet("/{id}", GetAsync).WithName("GetInstitution").WithSummary("Read one institution").ReadsVersioned();
        var writes = api.MapGroup("").RequireAuthorization(Policies.RegistryAdmin);
        writes.MapPost("/", CreateAsync).WithName("CreateInstitution").WithSummary("Add an institution");
        writes.MapPut("/{id}", UpdateAsync).WithName("ReplaceInstitution").Accepts<InstitutionInput>("application/json").WritesVersioned()
            .WithSummary("Update; a new name is recorded as a rename and the old one kept as history");
        writes.MapPatch("/{id}", UpdateAsync).WithName("PatchInstitution").Accepts<InstitutionInput>(MergePatch.MediaType).WritesVersioned()
            .WithSummary("Change some fields (JSON Merge Patch); the rest stays as it is");
        writes.MapDelete("/{id}", RetireAsync).WithName("RetireInstitution").WritesVersioned()
            .WithSummary("Retire (close) the institution; it is never erased");
        writes.MapPost("/{id}/merge", MergeAsync).WithName("MergeInstitution").WritesVersioned()
            .WithSummary("Record that the institution was merged into a successor");
        writes.MapPost("/{id}/planned-mergers", AddPlannedMergerAsync).WithName("AddPlannedMerger").WritesVersioned()
            .WithSummary("Record a planned merger, or a dropped one, as history");
        return app;
    }

    private static async Task<Results<Ok<Page<InstitutionResponse>>, ValidationProblem>> ListAsync(
        string? q, string? kind, string? region, string? status, string? cursor, int? limit,
        DocumentCollection<Institution> institutions, RegionDirectory.RegionDirectoryClient regions, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation().Search("q", q).Id("region", region);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        var kindFilter = QueryEnum.Parse<InstitutionKind>("kind", kind, validation);
        var statusFilter = status == "any" ? null : QueryEnum.Parse<InstitutionStatus>("status", status ?? "active", validation);
        var members = region is null ? null : await RegionMembersAsync(regions, region, SwedishDate.Today(clock), validation, ct);
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
        if (stored is null)
        {
            return NotFoundProblem.For("institution", id);
        }
        context.SetETag(stored.Version);
        return Respond(stored);
    }

    private static async Task<Results<Created<InstitutionResponse>, ValidationProblem>> CreateAsync(
        InstitutionInput input, [AsParameters] InstitutionWrite write)
    {
        var validation = InstitutionChanges.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var created = await write.Writes.CreateAsync(write.Context, Slug.From(input.Name!), id => InstitutionChanges.Create(id, input), write.Cancellation);
        return TypedResults.Created($"/api/institutions/{created.Value.Id}", InstitutionResponse.From(created.Value, created.Version));
    }

    /// <summary>PUT (the whole input, or what GET returned with fields changed: read-only fields ignored when they match) and PATCH (a merge patch).</summary>
    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(string id, [AsParameters] InstitutionWrite write)
    {
        var sent = await ResourceBody.ReadAsync<InstitutionInput>(write.Context.Request, write.Json.Value.SerializerOptions, write.Cancellation);
        var written = await write.Writes.ChangeAsync(write.Context, id, current =>
        {
            var validation = new Validation();
            var input = sent.Against(InstitutionResponse.From(current.Value, current.Version), validation);
            if (input is not null)
            {
                validation = InstitutionChanges.Validate(input);
            }
            return validation.IsValid
                ? Change.To(WriteActions.Updated, InstitutionChanges.Update(current.Value, input!, write.Today))
                : TypedResults.ValidationProblem(validation.Errors);
        }, write.Cancellation);
        return written.Answer(Respond);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RetireAsync(string id, [AsParameters] InstitutionWrite write)
    {
        var written = await write.Writes.ChangeAsync(write.Context, id,
            current => Change.To(InstitutionResource.Retired, InstitutionChanges.Retire(current.Value, write.Today)), write.Cancellation);
        return written.Answer(_ => TypedResults.NoContent());
    }

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult, ValidationProblem>> MergeAsync(
        string id, MergeInput input, [AsParameters] InstitutionWrite write)
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
        else if (input.SuccessorId is not null && await write.Institutions.GetAsync(input.SuccessorId, write.Cancellation) is null)
        {
            validation.Add("successorId", $"No institution has the id '{input.SuccessorId}'.");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var written = await write.Writes.ChangeAsync(write.Context, id,
            current => Change.To(InstitutionResource.Merged, InstitutionChanges.Merge(current.Value, input, write.Today)), write.Cancellation);
        return written.Answer(Respond);
    }

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult, ValidationProblem>> AddPlannedMergerAsync(
        string id, PlannedMergerInput input, [AsParameters] InstitutionWrite write)
    {
        var validation = InstitutionChanges.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        foreach (var (related, index) in (input.RelatedInstitutionIds ?? []).Select((related, index) => (related, index)))
        {
            if (await write.Institutions.GetAsync(related, write.Cancellation) is null)
            {
                validation.Add($"relatedInstitutionIds[{index}]", $"No institution has the id '{related}'.");
            }
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var written = await write.Writes.ChangeAsync(write.Context, id,
            current => Change.To(WriteActions.Updated, InstitutionChanges.AddPlannedMerger(current.Value, input)), write.Cancellation);
        return written.Answer(Respond);
    }

    /// <summary>The region's members today: an institution whose membership has ended, or not begun, is not in the region.</summary>
    private static async Task<HashSet<string>?> RegionMembersAsync(
        RegionDirectory.RegionDirectoryClient regions, string region, DateOnly today, Validation validation, CancellationToken ct)
    {
        try
        {
            var request = new GetRegionRequest { Id = region, AsOf = GrpcDates.Format(today) };
            var reply = await regions.GetRegionAsync(request, cancellationToken: ct);
            return reply.Members.Select(member => member.InstitutionId).ToHashSet(StringComparer.Ordinal);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            validation.Add("region", $"No healthcare region has the id '{region}'.");
            return null;
        }
    }

    private static Ok<InstitutionResponse> Respond(Versioned<Institution> stored) =>
        TypedResults.Ok(InstitutionResponse.From(stored.Value, stored.Version));
}
