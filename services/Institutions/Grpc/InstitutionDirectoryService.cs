using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samverkan.Events.Snapshots;
using Samverkan.Institutions.Model;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage;

namespace Samverkan.Institutions.Grpc;

/// <summary>Serves institution names to other services, which must never read this service's database.</summary>
public sealed class InstitutionDirectoryService(DocumentCollection<Institution> institutions, IOptions<JsonOptions> json) : InstitutionDirectory.InstitutionDirectoryBase
{
    private const int ScanAbove = 200;

    public override async Task<GetInstitutionsReply> GetInstitutions(GetInstitutionsRequest request, ServerCallContext context)
    {
        var asOf = GrpcDates.ParseAsOf(request.AsOf);
        var reply = new GetInstitutionsReply();
        var ids = request.Ids.Distinct(StringComparer.Ordinal).ToList();
        var found = await FindAsync(ids, context.CancellationToken);
        foreach (var id in ids)
        {
            var stored = found.GetValueOrDefault(id);
            if (stored is null)
            {
                reply.MissingIds.Add(id);
                continue;
            }
            var current = asOf is { } date ? stored.Value.NameOn(date) : stored.Value.CurrentName();
            reply.Institutions.Add(new InstitutionSummary
            {
                Id = id,
                Name = current.Name,
                Abbreviation = current.Abbreviation ?? "",
                Kind = JsonNamingPolicy.CamelCase.ConvertName(stored.Value.Kind.ToString()),
                Status = JsonNamingPolicy.CamelCase.ConvertName(stored.Value.Status.ToString()),
                SuccessorId = stored.Value.SuccessorId ?? "",
                EndedOn = GrpcDates.Format(stored.Value.EndedOn()),
            });
        }
        return reply;
    }

    /// <summary>By id; beyond <see cref="ScanAbove"/> ids one pass over the collection costs less than a lookup per id.</summary>
    private async Task<Dictionary<string, Versioned<Institution>>> FindAsync(List<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, Versioned<Institution>>(StringComparer.Ordinal);
        if (ids.Count > ScanAbove)
        {
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            await foreach (var stored in institutions.QueryAsync(cancellationToken: ct))
            {
                if (wanted.Contains(stored.Value.Id))
                {
                    found[stored.Value.Id] = stored;
                }
            }
            return found;
        }
        foreach (var id in ids)
        {
            if (await institutions.GetAsync(id, ct) is { } stored)
            {
                found[id] = stored;
            }
        }
        return found;
    }

    /// <summary>Every institution as its events carry it, for a consumer's rebuild (EventSnapshot: the position is read first).</summary>
    public override async Task Snapshot(SnapshotRequest request, IServerStreamWriter<SnapshotChunk> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var position = await EventSnapshot.PositionAsync(institutions.Store, ct);
        await foreach (var items in EventSnapshot.ChunksAsync(institutions.QueryAsync(cancellationToken: ct), stored => InstitutionResponse.From(stored.Value, stored.Version), json.Value.SerializerOptions, ct))
        {
            await responseStream.WriteAsync(new SnapshotChunk { Position = position, Items = { items } }, ct);
        }
    }
}
