using System.Text.Json.Nodes;

namespace Samverkan.Gateway.Audit;

/// <summary>One page of the merged trail and where the next one starts.</summary>
public sealed record MergedPage(IReadOnlyList<JsonObject> Items, IReadOnlyDictionary<string, string> LastIds, bool HasMore);

/// <summary>
/// Merges the services' trails by (at, service, id). It always takes the smallest of the
/// services' next records, so what a page takes from each service is a prefix of that service's
/// own order: the next page continues each service after its last id, and a walk with any page
/// size returns every record once. A record committed while a caller walks the trail comes after
/// those already returned, even when its time is earlier than theirs.
/// </summary>
public static class AuditMerge
{
    public static MergedPage Take(IReadOnlyList<ServiceTrail> trails, IReadOnlyDictionary<string, string> after, int limit)
    {
        var lastIds = new Dictionary<string, string>(after, StringComparer.Ordinal);
        var next = new int[trails.Count];
        var items = new List<JsonObject>(Math.Min(limit, 100));
        while (items.Count < limit)
        {
            var pick = -1;
            for (var i = 0; i < trails.Count; i++)
            {
                if (next[i] < trails[i].Records.Count && (pick < 0 || Precedes(trails[i], next[i], trails[pick], next[pick])))
                {
                    pick = i;
                }
            }
            if (pick < 0)
            {
                break;
            }
            var record = trails[pick].Records[next[pick]++];
            items.Add(record.Record);
            lastIds[trails[pick].Service] = record.Id;
        }
        var hasMore = trails.Select((trail, i) => next[i] < trail.Records.Count || trail.HasMore).Any(more => more);
        return new MergedPage(items, lastIds, hasMore);
    }

    private static bool Precedes(ServiceTrail a, int i, ServiceTrail b, int j)
    {
        var (left, right) = (a.Records[i], b.Records[j]);
        var order = left.At.CompareTo(right.At);
        if (order == 0)
        {
            order = string.CompareOrdinal(a.Service, b.Service);
        }
        if (order == 0)
        {
            order = string.CompareOrdinal(left.Id, right.Id);
        }
        return order < 0;
    }
}
