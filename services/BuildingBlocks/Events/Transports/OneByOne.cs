namespace Samverkan.Events.Transports;

/// <summary>
/// Delivers a request's events one at a time, in order: once one is not taken (Retry), the later
/// ones are not sent and answer the same, so a destination never gets an event before the ones it follows.
/// </summary>
public static class OneByOne
{
    public static async Task<DeliveryResult[]> DeliverAsync(IReadOnlyList<OutgoingDelivery> events, Func<OutgoingDelivery, Task<DeliveryResult>> deliver)
    {
        var results = new DeliveryResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            results[i] = i > 0 && results[i - 1].Outcome == DeliveryOutcome.Retry
                ? results[i - 1]
                : await deliver(events[i]);
        }
        return results;
    }
}
