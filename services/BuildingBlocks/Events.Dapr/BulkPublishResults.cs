using Samverkan.Events.Transports;
using Runtime = Dapr.Client.Autogen.Grpc.v1;

namespace Samverkan.Events.Dapr;

/// <summary>
/// Reads a bulk publish answer as one result per event. Dapr answers the entries it could not
/// publish (<c>failedEntries</c>); the others were published. The relay's order rule holds: from
/// the first entry not published on, every event answers Retry, even one published already (it
/// goes again, and subscribers are idempotent), so a later event never counts as taken before an earlier one.
/// </summary>
public static class BulkPublishResults
{
    public static DeliveryResult[] From(int count, Runtime.BulkPublishResponse response, Func<int, string> entryId)
    {
        var failed = response.FailedEntries.ToDictionary(entry => entry.EntryId, entry => entry.Error, StringComparer.Ordinal);
        var results = new DeliveryResult[count];
        DeliveryResult? retry = null;
        for (var i = 0; i < count; i++)
        {
            if (retry is null && failed.TryGetValue(entryId(i), out var error))
            {
                retry = DeliveryResult.Retry($"the sidecar did not publish it: {error}");
            }
            results[i] = retry ?? DeliveryResult.Delivered;
        }
        if (retry is null && failed.Count > 0)
        {
            // Failed entries that name no entry sent: the answer cannot be read, so nothing counts as taken.
            Array.Fill(results, DeliveryResult.Retry("the sidecar answered failed entries that were not sent"));
        }
        return results;
    }
}
