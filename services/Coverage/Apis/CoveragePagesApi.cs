using Samverkan.ServiceDefaults.OpenApi;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Samverkan.Coverage.Analysis;
using Samverkan.Http;

namespace Samverkan.Coverage.Apis;

/// <summary>
/// The region's institution-by-forum matrix page by page, for regions too large to read at once:
/// the institutions (in the region's order) with the forums each takes part in, and the forums
/// (in id order) with the institutions each includes. Cursor and limit as every list (Paging).
/// </summary>
public static class CoveragePagesApi
{
    public static IEndpointRouteBuilder MapCoveragePages(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coverage/regions").WithTag(CoverageApi.Tag);
        api.MapGet("/{id}/institutions", Institutions).WithName("ListRegionCoverageInstitutions")
            .WithSummary("The region's county councils and universities on asOf, each with the forums it takes part in");
        api.MapGet("/{id}/forums", Forums).WithName("ListRegionCoverageForums")
            .WithSummary("The region's forums on asOf, each with its activity and the institutions it includes");
        return app;
    }

    private static Results<Ok<Page<InstitutionCoverage>>, ValidationProblem, ProblemHttpResult> Institutions(
        string id, string? asOf, string? cursor, int? limit, CoverageService coverage, TimeProvider clock) =>
        PageOf(id, asOf, cursor, limit, coverage, clock, answer => answer.Institutions, institution => institution.Id);

    private static Results<Ok<Page<ForumCoverage>>, ValidationProblem, ProblemHttpResult> Forums(
        string id, string? asOf, string? cursor, int? limit, CoverageService coverage, TimeProvider clock) =>
        PageOf(id, asOf, cursor, limit, coverage, clock, answer => answer.Forums, forum => forum.Id);

    private static Results<Ok<Page<T>>, ValidationProblem, ProblemHttpResult> PageOf<T>(
        string id, string? asOf, string? cursor, int? limit, CoverageService coverage, TimeProvider clock,
        Func<RegionCoverage, IReadOnlyList<T>> rows, Func<T, string> idOf)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        var (afterId, take) = Paging.Parse(cursor, limit, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        if (coverage.Region(coverage.Current, id, date) is not { } answer)
        {
            return NotFoundProblem.For("healthcare region", id);
        }
        var all = rows(answer);
        var start = 0;
        if (afterId is not null)
        {
            var index = all.Select(idOf).ToList().IndexOf(afterId);
            if (index < 0)
            {
                validation.Add("cursor", "Not a cursor of this list on this date.");
                return TypedResults.ValidationProblem(validation.Errors);
            }
            start = index + 1;
        }
        var items = all.Skip(start).Take(take).ToList();
        var next = start + items.Count < all.Count ? WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(idOf(items[^1]))) : null;
        return TypedResults.Ok(new Page<T>(items, next));
    }
}
