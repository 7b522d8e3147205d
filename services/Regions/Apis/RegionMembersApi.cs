using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Http;
using Samverkan.Regions.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Regions.Apis;

/// <summary>
/// A region's memberships with their periods, as one list: read it, change it, send it back with
/// If-Match. One list rather than a resource per membership, because the rules (no two periods of
/// one institution overlap) are about the list, and ending one membership while another begins
/// is then one write. Its version is the region's.
/// </summary>
public static class RegionMembersApi
{
    public static RouteGroupBuilder MapRegionMembersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id}/members", GetAsync).WithName("GetRegionMembers")
            .WithSummary("Every membership of the region with its period, past and coming ones included").ReadsVersioned();
        api.MapPut("/{id}/members", ReplaceAsync).WithName("ReplaceRegionMembers").WritesVersioned()
            .RequireAuthorization(Policies.RegistryAdmin)
            .WithSummary("Replace the region's memberships: begin, end or correct them (national staff)");
        return api;
    }

    private static async Task<Results<Ok<RegionMembersResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, DocumentCollection<Region> regions, CancellationToken ct)
    {
        var stored = await regions.GetAsync(id, ct);
        if (stored is null)
        {
            return NotFoundProblem.For("healthcare region", id);
        }
        context.SetETag(stored.Version);
        return TypedResults.Ok(RegionMembersResponse.From(stored.Value, stored.Version));
    }

    private static async Task<Results<Ok<RegionMembersResponse>, ProblemHttpResult, ValidationProblem>> ReplaceAsync(
        string id, RegionMembersInput input, HttpContext context, VersionedWrites<Region> writes, CancellationToken ct)
    {
        var validation = MembershipRules.Validate(input);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var members = MembershipRules.ToStored(input);
        var written = await writes.ChangeAsync(context, id, current => MembershipRules.Same(current.Value.Members, members)
            ? Change<Region>.None
            : Change.To(WriteActions.Updated, current.Value with { Members = members }), ct);
        return written.Answer(stored => TypedResults.Ok(RegionMembersResponse.From(stored.Value, stored.Version)));
    }
}
