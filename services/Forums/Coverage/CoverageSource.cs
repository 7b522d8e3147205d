using System.Globalization;
using Grpc.Core;
using Samverkan.Contacts.Protos;
using Samverkan.Forums.Model;
using Samverkan.Institutions.Protos;
using Samverkan.Regions.Protos;
using Samverkan.Storage;

namespace Samverkan.Forums.Coverage;

/// <summary>
/// Gathers what a coverage answer needs: forums from this service's store, everything else
/// from the owning services over gRPC (regions and members from Regions, kinds and the names
/// valid on the date from Institutions, contact points from Contacts). A service that is down
/// fails the call, and the request answers 503 rather than a partial picture.
/// </summary>
public sealed class CoverageSource(
    DocumentCollection<Forum> forums,
    RegionDirectory.RegionDirectoryClient regions,
    InstitutionDirectory.InstitutionDirectoryClient institutions,
    ContactDirectory.ContactDirectoryClient contacts)
{
    /// <summary>The region, or null when no region has the id.</summary>
    public async Task<RegionInput?> RegionAsync(string id, CancellationToken ct)
    {
        try
        {
            return ToInput(await regions.GetRegionAsync(new GetRegionRequest { Id = id }, cancellationToken: ct));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<RegionInput>> RegionsAsync(CancellationToken ct) =>
        [.. (await regions.ListRegionsAsync(new ListRegionsRequest(), cancellationToken: ct)).Regions.Select(ToInput)];

    public async Task<List<Forum>> ForumsOfRegionAsync(string regionId, CancellationToken ct) =>
        await forums.QueryAsync($"region:{regionId}", cancellationToken: ct).Select(stored => stored.Value).ToListAsync(ct);

    public async Task<List<Forum>> AllForumsAsync(CancellationToken ct) =>
        await forums.QueryAsync(cancellationToken: ct).Select(stored => stored.Value).ToListAsync(ct);

    /// <summary>A lookup by id over <paramref name="known"/>, plus the forums they are represented through that are not among them.</summary>
    public async Task<Func<string, Forum?>> ForumLookupAsync(IReadOnlyCollection<Forum> known, CancellationToken ct)
    {
        var byId = known.ToDictionary(forum => forum.Id, StringComparer.Ordinal);
        var vias = known.SelectMany(forum => forum.Participants).Select(p => p.ViaForumId).OfType<string>()
            .Where(id => !byId.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in vias)
        {
            if (await forums.GetAsync(id, ct) is { } stored)
            {
                byId[id] = stored.Value;
            }
        }
        return id => byId.GetValueOrDefault(id);
    }

    /// <summary>The institutions by id, named as on <paramref name="asOf"/>; unknown ids are left out.</summary>
    public async Task<Dictionary<string, InstitutionInfo>> InstitutionsAsync(IEnumerable<string> ids, DateOnly asOf, CancellationToken ct)
    {
        var request = new GetInstitutionsRequest { AsOf = Iso(asOf) };
        request.Ids.AddRange(ids.Distinct(StringComparer.Ordinal));
        if (request.Ids.Count == 0)
        {
            return new Dictionary<string, InstitutionInfo>(StringComparer.Ordinal);
        }
        var reply = await institutions.GetInstitutionsAsync(request, cancellationToken: ct);
        return reply.Institutions.ToDictionary(
            summary => summary.Id,
            summary => new InstitutionInfo(summary.Id, summary.Name, Blank(summary.Abbreviation), summary.Kind, Date(summary.EndedOn)),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Contact points attached to any of the forums or institutions; with both empty, every contact
    /// point. With them, the Contacts service's own period after which a point is stale.
    /// </summary>
    public async Task<ContactPoints> ContactsAsync(IEnumerable<string> forumIds, IEnumerable<string> institutionIds, CancellationToken ct)
    {
        var request = new ListContactsRequest();
        request.ForumIds.AddRange(forumIds);
        request.InstitutionIds.AddRange(institutionIds);
        var reply = await contacts.ListContactsAsync(request, cancellationToken: ct);
        return new ContactPoints([.. reply.Contacts.Select(c => new ContactPointInput(c.Id, c.Kind, Blank(c.Function), Blank(c.ForumId), Blank(c.InstitutionId),
            Blank(c.OwnerInstitutionId), Date(c.VerifiedOn), Date(c.ValidFrom), Date(c.ValidTo)))], reply.StaleAfterMonths);
    }

    private static RegionInput ToInput(RegionReply region) => new(region.Id, region.Name, region.OrdinanceName,
        [.. region.Members.Select(member => new MemberInput(member.InstitutionId, member.Partial, Blank(member.Note)))]);

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static DateOnly? Date(string value) =>
        value.Length == 0 ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Contact points as the Contacts service lists them, with its Contacts:StaleAfterMonths.</summary>
public sealed record ContactPoints(IReadOnlyList<ContactPointInput> Points, int StaleAfterMonths);
