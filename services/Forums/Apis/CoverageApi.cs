using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Forums.Coverage;
using Samverkan.Http;

namespace Samverkan.Forums.Apis;

/// <summary>
/// What the registry knows per healthcare region, computed from live data on any date: the
/// coverage picture, the national overview and the reach plan. The gateway routes these paths
/// here although /api/regions belongs to the Regions service: the analysis is this service's.
/// </summary>
public static class CoverageApi
{
    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Coverage");
        api.MapGet("/regions/{id}/coverage", RegionAsync).WithName("GetRegionCoverage")
            .WithSummary("Which county councils and universities of the region take part in which forums on asOf (default today)");
        api.MapGet("/coverage", NationalAsync).WithName("GetNationalCoverage").WithSummary("The national overview: one row per healthcare region on asOf (default today)");
        api.MapGet("/regions/{id}/reach", ReachAsync).WithName("PlanRegionReach")
            .WithSummary("The fewest contact points that reach every county council and university of the region on asOf");
        return app;
    }

    private static async Task<Results<Ok<RegionCoverage>, ValidationProblem, ProblemHttpResult>> RegionAsync(
        string id, string? asOf, CoverageService coverage, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var answer = await coverage.RegionAsync(id, date, ct);
        return answer is null ? NotFoundProblem.For("healthcare region", id) : TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<NationalCoverage>, ValidationProblem>> NationalAsync(
        string? asOf, CoverageService coverage, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        return validation.IsValid
            ? TypedResults.Ok(await coverage.NationalAsync(date, ct))
            : TypedResults.ValidationProblem(validation.Errors);
    }

    private static async Task<Results<Ok<ReachPlan>, ValidationProblem, ProblemHttpResult>> ReachAsync(
        string id, string? asOf, CoverageService coverage, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var plan = await coverage.ReachAsync(id, date, ct);
        return plan is null ? NotFoundProblem.For("healthcare region", id) : TypedResults.Ok(plan);
    }
}
