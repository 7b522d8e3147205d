using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.ReadModel;

namespace Samverkan.Coverage.Apis;

/// <summary>How current the read model is and what it holds (counts only): the same freshness every answer carries.</summary>
public static class ReadModelApi
{
    public sealed record ReadModelStatus(Freshness Freshness, int Regions, int Institutions, int Forums, int ContactPoints);

    public static IEndpointRouteBuilder MapReadModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coverage/read-model", (CoverageReadModel model, TimeProvider clock) =>
        {
            var state = model.Current;
            var indexes = state.Indexes;
            return TypedResults.Ok(new ReadModelStatus(Freshness.Of(state, clock.GetUtcNow()), indexes.Regions.Count, indexes.InstitutionCount,
                indexes.Forums.Count, indexes.Contacts.Count));
        }).WithTag(CoverageApi.Tag).WithName("GetCoverageReadModel")
            .WithSummary("How current the coverage read model is: the last event position applied per producer, and its age");
        return app;
    }
}
