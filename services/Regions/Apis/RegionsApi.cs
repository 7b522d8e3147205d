using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.Regions.Model;
using Samverkan.Storage;

namespace Samverkan.Regions.Apis;

/// <summary>
/// The six regions are set by ordinance and come from the seed: they are never created or
/// removed here. Reads answer the members valid on a date; the memberships themselves, with
/// their periods, are <see cref="RegionMembersApi"/>.
/// </summary>
public static class RegionsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Regions", "The six healthcare regions and the institutions that belong to each on a date, partial memberships with their note; national staff change the memberships.");

    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListRegions")
            .WithSummary("The six healthcare regions with their member institutions on asOf (default today)");
        api.MapGet("/{id}", GetAsync).WithName("GetRegion")
            .WithSummary("Read one healthcare region with its member institutions on asOf (default today)").ReadsVersioned();
        api.MapRegionMembersApi();
        return app;
    }

    private static async Task<Results<Ok<Page<RegionResponse>>, ValidationProblem>> ListAsync(
        string? asOf, DocumentCollection<Region> regions, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var items = await regions.QueryAsync(cancellationToken: ct)
            .Select(stored => RegionResponse.On(stored.Value, stored.Version, date)).ToListAsync(ct);
        return TypedResults.Ok(new Page<RegionResponse>(items, null));
    }

    private static async Task<Results<Ok<RegionResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string id, string? asOf, HttpContext context, DocumentCollection<Region> regions, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var stored = await regions.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("healthcare region", id);
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(RegionResponse.On(stored.Value, stored.Version, date));
    }
}
