namespace Samverkan.Events.Transports;

/// <summary>
/// How the relay cuts the outbox into requests: at most a batch size of events and
/// <see cref="MaxBatchBytes"/> of JSON each, so a batch fits where one event of the largest size
/// fits (Dapr's sidecar takes 4 MiB per request, in one event or a bulk of many). An event too
/// large to share a request goes alone.
/// </summary>
public static class DeliveryBatches
{
    /// <summary>The JSON of all events in one request, leaving room for the bulk envelope around them.</summary>
    public const int MaxBatchBytes = EventLimits.MaxEventBytes - 64 * 1024;

    public static IEnumerable<IReadOnlyList<T>> Cut<T>(IReadOnlyList<T> events, Func<T, int> bytes, int maxEvents)
    {
        var batch = new List<T>();
        var size = 0;
        foreach (var item in events)
        {
            var itemBytes = bytes(item);
            if (batch.Count > 0 && (batch.Count == maxEvents || size + itemBytes > MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                size = 0;
            }
            batch.Add(item);
            size += itemBytes;
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
