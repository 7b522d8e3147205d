using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samverkan.Events.Snapshots;
using Samverkan.Regions.Model;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage;
using ProtoMember = Samverkan.Regions.Protos.RegionMember;

namespace Samverkan.Regions.Grpc;

public sealed class RegionDirectoryService(DocumentCollection<Region> regions, IOptions<JsonOptions> json) : RegionDirectory.RegionDirectoryBase
{
    public override async Task<ListRegionsReply> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var asOf = GrpcDates.ParseAsOf(request.AsOf);
        var reply = new ListRegionsReply();
        await foreach (var stored in regions.QueryAsync(cancellationToken: context.CancellationToken))
        {
            reply.Regions.Add(ToReply(stored.Value, asOf));
        }
        return reply;
    }

    public override async Task<RegionReply> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        var asOf = GrpcDates.ParseAsOf(request.AsOf);
        var stored = await regions.GetAsync(request.Id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No healthcare region has the id '{request.Id}'."));
        return ToReply(stored.Value, asOf);
    }

    private static RegionReply ToReply(Region region, DateOnly? asOf)
    {
        var reply = new RegionReply { Id = region.Id, Name = region.Name, OrdinanceName = region.OrdinanceName };
        reply.Members.AddRange(region.Members.Where(member => asOf is not { } date || member.ValidOn(date)).Select(member => new ProtoMember
        {
            InstitutionId = member.InstitutionId, Partial = member.Partial, Note = member.Note ?? "", From = GrpcDates.Format(member.From), To = GrpcDates.Format(member.To),
        }));
        return reply;
    }

    /// <summary>Every region as its events carry it, for a consumer's rebuild (EventSnapshot: the position is read first).</summary>
    public override async Task Snapshot(SnapshotRequest request, IServerStreamWriter<SnapshotChunk> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var position = await EventSnapshot.PositionAsync(regions.Store, ct);
        await foreach (var items in EventSnapshot.ChunksAsync(regions.QueryAsync(cancellationToken: ct), stored => RegionResponse.From(stored.Value, stored.Version), json.Value.SerializerOptions, ct))
        {
            await responseStream.WriteAsync(new SnapshotChunk { Position = position, Items = { items } }, ct);
        }
    }
}
