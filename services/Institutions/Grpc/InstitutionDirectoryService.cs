using System.Text.Json;
using Grpc.Core;
using Samverkan.Institutions.Model;
using Samverkan.Institutions.Protos;
using Samverkan.Storage;

namespace Samverkan.Institutions.Grpc;

/// <summary>Serves institution names to other services, which must never read this service's database.</summary>
public sealed class InstitutionDirectoryService(DocumentCollection<Institution> institutions) : InstitutionDirectory.InstitutionDirectoryBase
{
    public override async Task<GetInstitutionsReply> GetInstitutions(GetInstitutionsRequest request, ServerCallContext context)
    {
        var reply = new GetInstitutionsReply();
        foreach (var id in request.Ids.Distinct(StringComparer.Ordinal))
        {
            var stored = await institutions.GetAsync(id, context.CancellationToken);
            if (stored is null)
            {
                reply.MissingIds.Add(id);
                continue;
            }
            var current = stored.Value.CurrentName();
            reply.Institutions.Add(new InstitutionSummary
            {
                Id = id,
                Name = current.Name,
                Abbreviation = current.Abbreviation ?? "",
                Kind = JsonNamingPolicy.CamelCase.ConvertName(stored.Value.Kind.ToString()),
                Status = JsonNamingPolicy.CamelCase.ConvertName(stored.Value.Status.ToString()),
                SuccessorId = stored.Value.SuccessorId ?? "",
            });
        }
        return reply;
    }
}
