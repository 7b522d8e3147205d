using System.Text.Json;
using Grpc.Core;
using Samverkan.Forums.Model;
using Samverkan.Forums.Protos;
using Samverkan.Storage;

namespace Samverkan.Forums.Grpc;

/// <summary>Serves forum summaries to other services (e.g. Contacts checks that a forum exists).</summary>
public sealed class ForumDirectoryService(DocumentCollection<Forum> forums) : ForumDirectory.ForumDirectoryBase
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
}
