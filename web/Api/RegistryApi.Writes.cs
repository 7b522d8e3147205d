using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Samverkan.Web.Api;

/// <summary>
/// The writes the pages make. Each sends the entity tag the user's form was read with in
/// If-Match, so a change someone else made in between answers 412 and is never overwritten.
/// </summary>
public sealed partial class RegistryApi
{
    private static readonly MediaTypeHeaderValue MergePatch = new("application/merge-patch+json") { CharSet = "utf-8" };

    /// <summary>A JSON Merge Patch (RFC 7396) of the forum: the members named change, <c>null</c> clears one.</summary>
    public Task<WriteResult> PatchForumAsync(string id, JsonObject patch, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, $"api/forums/{Escape(id)}", Patch(patch), etag, cancellationToken);

    /// <summary>A sub-group of <paramref name="parent"/>: in the parent's regions, its participants added later.</summary>
    public Task<(WriteResult Result, Forum? Value)> CreateSubGroupAsync(Forum parent, string name, string? purpose, CancellationToken cancellationToken) =>
        WriteAsync<Forum>(HttpMethod.Post, "api/forums", Body(new JsonObject
        {
            ["name"] = name,
            ["parentId"] = parent.Id,
            ["regionIds"] = new JsonArray([.. parent.RegionIds.Select(region => (JsonNode)region)]),
            ["purpose"] = purpose,
        }), null, cancellationToken);

    public Task<WriteResult> RecordMeetingAsync(string id, DateOnly on, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, $"api/forums/{Escape(id)}/meetings", Body(new JsonObject { ["on"] = Formatting.Swedish.Date(on) }), etag, cancellationToken);

    /// <summary>A merge patch of the institution; a new name with <c>nameValidFrom</c> is recorded as a rename on that date.</summary>
    public Task<WriteResult> PatchInstitutionAsync(string id, JsonObject patch, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, $"api/institutions/{Escape(id)}", Patch(patch), etag, cancellationToken);

    public Task<WriteResult> MergeInstitutionAsync(string id, string successorId, DateOnly? on, string? note, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, $"api/institutions/{Escape(id)}/merge",
            Body(new JsonObject { ["successorId"] = successorId, ["on"] = DateText(on), ["note"] = note }), etag, cancellationToken);

    /// <summary>A planned merger with the related institutions, or (<paramref name="dropped"/>) one that was given up, as history.</summary>
    public Task<WriteResult> RecordPlannedMergerAsync(
        string id, bool dropped, DateOnly? on, string? note, IReadOnlyList<string> relatedInstitutionIds, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, $"api/institutions/{Escape(id)}/planned-mergers", Body(new JsonObject
        {
            ["dropped"] = dropped,
            ["on"] = DateText(on),
            ["note"] = note,
            ["relatedInstitutionIds"] = new JsonArray([.. relatedInstitutionIds.Select(related => (JsonNode)related)]),
        }), etag, cancellationToken);

    public Task<WriteResult> PatchContactAsync(string id, JsonObject patch, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Patch, $"api/contacts/{Escape(id)}", Patch(patch), etag, cancellationToken);

    /// <summary>Confirms the contact is still right: the API sets <c>verifiedOn</c> to today.</summary>
    public Task<WriteResult> VerifyContactAsync(string id, string etag, CancellationToken cancellationToken) =>
        WriteAsync(HttpMethod.Post, $"api/contacts/{Escape(id)}/verify", null, etag, cancellationToken);

    private static string? DateText(DateOnly? date) => date is { } day ? Formatting.Swedish.Date(day) : null;

    private static StringContent Patch(JsonObject patch) => new(patch.ToJsonString(), Encoding.UTF8, MergePatch);

    private static StringContent Body(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
