using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Samverkan.Events.Snapshots;
using Samverkan.Forums.Model;
using Samverkan.Forums.Protos;
using Samverkan.Storage;

namespace Samverkan.Forums.Grpc;

/// <summary>Serves forum summaries to other services (e.g. Contacts checks that a forum exists).</summary>
public sealed class ForumDirectoryService(DocumentCollection<Forum> forums, IOptions<JsonOptions> json) : ForumDirectory.ForumDirectoryBase
{
    public override async Task<GetForumsReply> GetForums(GetForumsRequest request, ServerCallContext context)
    {
        var reply = new GetForumsReply();
        foreach (var id in request.Ids.Distinct(StringComparer.Ordinal))
        {
            var stored = await forums.GetAsync(id, context.CancellationToken);
            if (stored is null)
            {
                reply.MissingIds.Add(id);
                continue;
            }
            var forum = stored.Value;
            var summary = new ForumSummary
            {
                Id = id,
                Name = forum.Name,
                Abbreviation = forum.Abbreviation ?? "",
                Status = JsonNamingPolicy.CamelCase.ConvertName(forum.Status.ToString()),
                ParentId = forum.ParentId ?? "",
            };
            summary.RegionIds.AddRange(forum.RegionIds);
            reply.Forums.Add(summary);
        }
        return reply;
    }

    /// <summary>Every forum as its events carry it, for a consumer's rebuild (EventSnapshot: the position is read first).</summary>
    public override async Task Snapshot(SnapshotRequest request, IServerStreamWriter<SnapshotChunk> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var position = await EventSnapshot.PositionAsync(forums.Store, ct);
        await foreach (var items in EventSnapshot.ChunksAsync(forums.QueryAsync(cancellationToken: ct), stored => ForumResponse.From(stored.Value, stored.Version, NoNames), json.Value.SerializerOptions, ct))
        {
            await responseStream.WriteAsync(new SnapshotChunk { Position = position, Items = { items } }, ct);
        }
    }

    // A snapshot is for coverage-like consumers, which name institutions themselves; names would cost a lookup per forum.
    private static readonly IReadOnlyDictionary<string, InstitutionName> NoNames = new Dictionary<string, InstitutionName>();
}
