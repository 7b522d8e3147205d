using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage;

namespace Samverkan.Forums.Apis;

/// <summary>
/// Institution names for forum answers. Current names come from this service's copy, fed by the
/// Institutions service's events; only names not yet copied (before the first events arrive)
/// are asked of the Institutions service over gRPC, once per response. Names on a past date
/// (<c>asOf</c>) are all asked of the Institutions service, which holds the name history.
/// </summary>
public sealed class InstitutionNames(DocumentCollection<InstitutionNameCopy> copies, InstitutionDirectory.InstitutionDirectoryClient institutions)
{
    public async Task<IReadOnlyDictionary<string, InstitutionName>> ForAsync(IEnumerable<Forum> forums, CancellationToken ct, DateOnly? asOf = null)
    {
        var names = new Dictionary<string, InstitutionName>(StringComparer.Ordinal);
        var request = new GetInstitutionsRequest { AsOf = GrpcDates.Format(asOf) };
        foreach (var id in forums.SelectMany(forum => forum.Participants.Select(p => p.InstitutionId)).Distinct())
        {
            if (asOf is null && await copies.GetAsync(id, ct) is { } copy)
            {
                names[id] = new InstitutionName(copy.Value.Name, copy.Value.Abbreviation);
            }
            else
            {
                request.Ids.Add(id);
            }
        }
        if (request.Ids.Count > 0)
        {
            var reply = await institutions.GetInstitutionsAsync(request, cancellationToken: ct);
            foreach (var summary in reply.Institutions)
            {
                names[summary.Id] = new InstitutionName(summary.Name, summary.Abbreviation.Length == 0 ? null : summary.Abbreviation);
            }
        }
        return names;
    }
}
