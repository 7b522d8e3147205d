using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.Institutions.Protos;
using Samverkan.Regions.Protos;
using Samverkan.Storage;

namespace Samverkan.Forums.Apis;

/// <summary>
/// Checks that what a forum points at exists: regions and institutions by asking their owners
/// over gRPC (never their databases), parents and "via" forums in this service's own store.
/// </summary>
public sealed class ForumReferences(
    DocumentCollection<Forum> forums,
    RegionDirectory.RegionDirectoryClient regions,
    InstitutionDirectory.InstitutionDirectoryClient institutions)
{
    public async Task CheckAsync(string? forumId, ForumInput input, Validation validation, CancellationToken ct)
    {
        await CheckRegionsAsync(input.RegionIds ?? [], validation, ct);
        await CheckInstitutionsAsync(input.Participants ?? [], input.NonParticipants ?? [], validation, ct);
        await CheckParentAsync(forumId, input.ParentId, validation, ct);
        var participants = input.Participants ?? [];
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i].ViaForumId is { } via && via != forumId && await forums.GetAsync(via, ct) is null)
            {
                validation.Add($"participants[{i}].viaForumId", $"No forum has the id '{via}'.");
            }
        }
    }

    private async Task CheckRegionsAsync(IReadOnlyList<string> regionIds, Validation validation, CancellationToken ct)
    {
        if (regionIds.Count == 0)
        {
            return;
        }
        var known = (await regions.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: ct)).Regions
            .Select(region => region.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < regionIds.Count; i++)
        {
            if (!known.Contains(regionIds[i]))
            {
                validation.Add($"regionIds[{i}]", $"No healthcare region has the id '{regionIds[i]}'.");
            }
        }
    }

    private async Task CheckInstitutionsAsync(
        IReadOnlyList<Participant> participants, IReadOnlyList<NonParticipant> nonParticipants, Validation validation, CancellationToken ct)
    {
        var ids = participants.SelectMany(p => new[] { p.InstitutionId, p.ViaInstitutionId })
            .Concat(nonParticipants.Select(n => n.InstitutionId)).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var request = new GetInstitutionsRequest();
        request.Ids.AddRange(ids);
        var missing = (await institutions.GetInstitutionsAsync(request, cancellationToken: ct)).MissingIds.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i].InstitutionId is { } id && missing.Contains(id))
            {
                validation.Add($"participants[{i}].institutionId", $"No institution has the id '{id}'.");
            }
            if (participants[i].ViaInstitutionId is { } via && missing.Contains(via))
            {
                validation.Add($"participants[{i}].viaInstitutionId", $"No institution has the id '{via}'.");
            }
        }
        for (var i = 0; i < nonParticipants.Count; i++)
        {
            if (nonParticipants[i].InstitutionId is { } id && missing.Contains(id))
            {
                validation.Add($"nonParticipants[{i}].institutionId", $"No institution has the id '{id}'.");
            }
        }
    }

    /// <summary>The parent must exist and must not be the forum itself or one of its own sub-groups.</summary>
    private async Task CheckParentAsync(string? forumId, string? parentId, Validation validation, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = parentId; current is not null; )
        {
            if (current == forumId || !seen.Add(current))
            {
                validation.Add("parentId", "A forum cannot be its own parent, directly or through its sub-groups.");
                return;
            }
            var parent = await forums.GetAsync(current, ct);
            if (parent is null)
            {
                validation.Add("parentId", $"No forum has the id '{current}'.");
                return;
            }
            current = parent.Value.ParentId;
        }
    }
}
