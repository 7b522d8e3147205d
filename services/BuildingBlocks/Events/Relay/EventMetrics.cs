using System.Diagnostics.Metrics;

namespace Samverkan.Events.Relay;

/// <summary>
/// The relay's lag as metrics: events delivered, write-to-delivery latency, the age of the
/// oldest event each destination has not yet taken (0 when it is up to date), and the events
/// refused for good and kept as dead letters.
/// </summary>
public sealed class EventMetrics
{
    public const string MeterName = "Samverkan.Events";
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _refused;

    public EventMetrics(IMeterFactory meters, RelayState state, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _delivered = meter.CreateCounter<long>("samverkan.events.delivered", description: "Events delivered, per destination");
        _latency = meter.CreateHistogram<double>("samverkan.events.delivery_latency", "s", "From the write to the delivery");
        meter.CreateObservableGauge("samverkan.events.lag", () => state.Destinations.Select(d => new Measurement<double>(
            d.OldestUndelivered is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0,
            new KeyValuePair<string, object?>("destination", d.Name))), "s", "Age of the oldest undelivered event");
        _refused = meter.CreateCounter<long>("samverkan.events.refused", description: "Events a destination refused for good and that were kept as dead letters");
        meter.CreateObservableGauge("samverkan.events.dead_letters", () => state.Destinations.Select(d => new Measurement<int>(
            d.DeadLetters, new KeyValuePair<string, object?>("destination", d.Name))), description: "Dead letters waiting for an operator");
    }

    internal void Refused(string destination) => _refused.Add(1, new KeyValuePair<string, object?>("destination", destination));

    internal void Delivered(string destination, TimeSpan latency)
    {
        var tag = new KeyValuePair<string, object?>("destination", destination);
        _delivered.Add(1, tag);
        _latency.Record(latency.TotalSeconds, tag);
    }
}
