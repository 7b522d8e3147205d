using Microsoft.Extensions.Options;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.Storage;
using Samverkan.Text;

namespace Samverkan.Forums.Apis;

/// <summary>What the forum reads need to answer as of a date, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record ForumRead(InstitutionNames Names, TimeProvider Clock, IOptions<DormancyPeriod> Dormancy)
{
    /// <summary>The <c>asOf</c> date, or null when the read asks for the registry as it stands (the stored status).</summary>
    public DateOnly? AsOf(string? asOf, Validation validation) => asOf is null ? null : AsOfQuery.Parse(asOf, Clock, validation);

    private readonly Dictionary<string, Forum?> parents = new(StringComparer.Ordinal);

    /// <summary>The forum as shown on <paramref name="date"/> (as stored when null); null when it did not exist then.</summary>
    /// <param name="stored">The forum as stored.</param>
    /// <param name="date">The day asked about, or null.</param>
    /// <param name="forums">The store, for the forum's parents (read once per request).</param>
    /// <param name="ct">The request's cancellation.</param>
    public async ValueTask<Versioned<Forum>?> ShownAsync(Versioned<Forum> stored, DateOnly? date, DocumentCollection<Forum> forums, CancellationToken ct)
    {
        if (date is not { } day)
        {
            return stored;
        }
        if (!stored.Value.ExistedOn(day))
        {
            return null;
        }
        // The liveness rule may look up the chain of parents; read it here, as far as the rule looks.
        var parentId = stored.Value.ParentId;
        for (var depth = 0; depth < Liveness.MaxDepth && parentId is not null && !parents.ContainsKey(parentId); depth++)
        {
            var parent = (await forums.GetAsync(parentId, ct))?.Value;
            parents[parentId] = parent;
            parentId = parent?.ParentId;
        }
        return stored with { Value = stored.Value.On(day, Dormancy.Value, id => parents.GetValueOrDefault(id)) };
    }
}
