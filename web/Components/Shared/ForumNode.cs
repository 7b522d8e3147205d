using Samverkan.Web.Api;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Components.Shared;

/// <summary>A forum with its sub-groups, read down from one forum with the API's <c>parent</c> filter.</summary>
public sealed record ForumNode(Forum Forum, IReadOnlyList<ForumNode> Children)
{
    /// <summary>Deep enough for every forum in the registry (three levels); the bound keeps a cycle in the data from hanging a page.</summary>
    public const int MaxDepth = 5;

    /// <summary>The sub-groups of <paramref name="forumId"/>, as they stood on <paramref name="asOf"/> (as stored when null).</summary>
    public static async Task<IReadOnlyList<ForumNode>> ChildrenOfAsync(RegistryApi api, string forumId, DateOnly? asOf, int depth, CancellationToken cancellationToken)
    {
        if (depth >= MaxDepth)
        {
            return [];
        }
        var children = await api.ForumsAsync(ForumFilter.Parent, forumId, cancellationToken, asOf);
        var nodes = new List<ForumNode>();
        foreach (var child in children.InSwedishOrder(forum => forum.Name))
        {
            nodes.Add(new ForumNode(child, await ChildrenOfAsync(api, child.Id, asOf, depth + 1, cancellationToken)));
        }
        return nodes;
    }
}
