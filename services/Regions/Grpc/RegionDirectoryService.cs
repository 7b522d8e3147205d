using Grpc.Core;
using Samverkan.Regions.Model;
using Samverkan.Regions.Protos;
using Samverkan.Storage;
using ProtoMember = Samverkan.Regions.Protos.RegionMember;

namespace Samverkan.Regions.Grpc;

public sealed class RegionDirectoryService(DocumentCollection<Region> regions) : RegionDirectory.RegionDirectoryBase
{
    public override async Task<ListRegionsReply> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var reply = new ListRegionsReply();
        await foreach (var stored in regions.QueryAsync(cancellationToken: context.CancellationToken))
        {
            reply.Regions.Add(ToReply(stored.Value));
        }
        return reply;
    }

    public override async Task<RegionReply> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        var stored = await regions.GetAsync(request.Id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No healthcare region has the id '{request.Id}'."));
        return ToReply(stored.Value);
    }

    private static RegionReply ToReply(Region region)
    {
        var reply = new RegionReply { Id = region.Id, Name = region.Name, OrdinanceName = region.OrdinanceName };
        reply.Members.AddRange(region.Members.Select(member =>
            new ProtoMember { InstitutionId = member.InstitutionId, Partial = member.Partial, Note = member.Note ?? "" }));
        return reply;
    }
}
