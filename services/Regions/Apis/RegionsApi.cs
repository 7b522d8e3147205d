using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.Regions.Model;
using Samverkan.Storage;

namespace Samverkan.Regions.Apis;

/// <summary>
/// Read-only: the six regions are set by ordinance and come from the seed. Changing membership
/// is a later capability for national staff.
/// </summary>
public static class RegionsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Regions", "The six healthcare regions and the institutions that belong to each, partial memberships with their note.");

    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTag(Tag);
        api.MapGet("/", ListAsync).WithName("ListRegions").WithSummary("The six healthcare regions with their member institutions");
        api.MapGet("/{id}", GetAsync).WithName("GetRegion").WithSummary("Read one healthcare region with its member institutions").ReadsVersioned();
        return app;
    }

    private static async Task<Ok<Page<RegionResponse>>> ListAsync(DocumentCollection<Region> regions, CancellationToken ct)
    {
        var items = await regions.QueryAsync(cancellationToken: ct)
            .Select(stored => RegionResponse.From(stored.Value, stored.Version)).ToListAsync(ct);
        return TypedResults.Ok(new Page<RegionResponse>(items, null));
    }

    private static async Task<Results<Ok<RegionResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Region> regions, CancellationToken ct)
    {
        var stored = await regions.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("healthcare region", id);
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(RegionResponse.From(stored.Value, stored.Version));
    }
}
