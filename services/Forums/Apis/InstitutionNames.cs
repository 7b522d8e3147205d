using Samverkan.Forums.Model;
using Samverkan.Institutions.Protos;

namespace Samverkan.Forums.Apis;

/// <summary>Current institution names, asked of the Institutions service once per response, never copied into forums.</summary>
public sealed class InstitutionNames(InstitutionDirectory.InstitutionDirectoryClient institutions)
{
    public async Task<IReadOnlyDictionary<string, InstitutionName>> ForAsync(IEnumerable<Forum> forums, CancellationToken ct)
    {
        var request = new GetInstitutionsRequest();
        request.Ids.AddRange(forums.SelectMany(forum => forum.Participants.Select(p => p.InstitutionId)).Distinct());
        if (request.Ids.Count == 0)
        {
            return new Dictionary<string, InstitutionName>();
        }
        var reply = await institutions.GetInstitutionsAsync(request, cancellationToken: ct);
        return reply.Institutions.ToDictionary(
            summary => summary.Id,
            summary => new InstitutionName(summary.Name, summary.Abbreviation.Length == 0 ? null : summary.Abbreviation),
            StringComparer.Ordinal);
    }
}
