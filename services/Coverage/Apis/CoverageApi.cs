using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Coverage.Analysis;
using Samverkan.Http;

namespace Samverkan.Coverage.Apis;

/// <summary>
/// What the registry knows per healthcare region, computed from the read model on any date: the
/// national overview, a region's coverage (a summary; the institution-by-forum matrix on
/// request or page by page), and its reach plan. The paths under /api/regions answered before
/// this service existed and stay as deprecated aliases (<see cref="DeprecatedPath"/>).
/// </summary>
public static class CoverageApi
{
    public const string Matrix = "matrix";

    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Coverage", "Which county councils and universities of a region take part where, as of a date: primary forums, the unrepresented, dormant forums and the reach plan.");

    /// <summary>The paths that answered coverage before this service existed.</summary>
    public static readonly ApiTag DeprecatedTag = new("Coverage (deprecated paths)", "The coverage paths under /api/regions, kept as aliases until their Sunset date; use /api/coverage.");

    public static IEndpointRouteBuilder MapCoverageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coverage", National).WithTag(Tag).WithName("GetNationalCoverage")
            .WithSummary("The national overview: one row per healthcare region on asOf (default today)");
        var api = app.MapGroup("/api/coverage/regions").WithTag(Tag);
        api.MapGet("/{id}", Region).WithName("GetRegionCoverage")
            .WithSummary("The region's coverage on asOf (default today): a summary, or with include=matrix every institution and forum");
        api.MapGet("/{id}/reach", Reach).WithName("PlanRegionReach")
            .WithSummary("The fewest contact points that reach every county council and university of the region on asOf");
        app.MapCoveragePages();

        var old = app.MapGroup("/api/regions").WithTag(DeprecatedTag);
        old.MapGet("/{id}/coverage", OldRegion).WithName("GetRegionCoverageDeprecated")
            .WithSummary("The region's coverage in full (as include=matrix)").DeprecatedFor("/api/coverage/regions/{id}?include=matrix");
        old.MapGet("/{id}/reach", Reach).WithName("PlanRegionReachDeprecated")
            .WithSummary("The region's reach plan").DeprecatedFor("/api/coverage/regions/{id}/reach");
        return app;
    }

    private static Results<Ok<NationalCoverage>, ValidationProblem> National(string? asOf, CoverageService coverage, TimeProvider clock)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var state = coverage.Current;
        return TypedResults.Ok(coverage.National(state, date) with { ReadModel = Freshness.Of(state, clock.GetUtcNow()) });
    }

    private static Results<Ok<RegionCoverageSummary>, Ok<RegionCoverage>, ValidationProblem, ProblemHttpResult> Region(
        string id, string? asOf, string? include, CoverageService coverage, TimeProvider clock)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (include is not null && include != Matrix)
        {
            validation.Add("include", $"Either left out (a summary) or '{Matrix}' (every institution and forum).");
        }
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var state = coverage.Current;
        var freshness = Freshness.Of(state, clock.GetUtcNow());
        if (include == Matrix)
        {
            return coverage.Region(state, id, date) is { } answer
                ? TypedResults.Ok(answer with { ReadModel = freshness })
                : NotFoundProblem.For("healthcare region", id);
        }
        return coverage.Summary(state, id, date) is { } summary
            ? TypedResults.Ok(summary with { ReadModel = freshness })
            : NotFoundProblem.For("healthcare region", id);
    }

    private static Results<Ok<RegionCoverageSummary>, Ok<RegionCoverage>, ValidationProblem, ProblemHttpResult> OldRegion(
        string id, string? asOf, CoverageService coverage, TimeProvider clock) => Region(id, asOf, Matrix, coverage, clock);

    private static Results<Ok<ReachPlan>, ValidationProblem, ProblemHttpResult> Reach(
        string id, string? asOf, CoverageService coverage, TimeProvider clock)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var state = coverage.Current;
        return coverage.Reach(state, id, date) is { } plan
            ? TypedResults.Ok(plan with { ReadModel = Freshness.Of(state, clock.GetUtcNow()) })
            : NotFoundProblem.For("healthcare region", id);
    }
}
