using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>
/// Records the spans and measurements the service hosted in the test process makes. Listeners
/// see the whole process, so a test picks out its own by trace id or subscription id.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public TelemetryRecorder(string name)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans => [.. _stopped];

    /// <summary>The values recorded on <paramref name="instrument"/> with the tag <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<double> Values(string instrument, string key, string value)
    {
        _meters.RecordObservableInstruments();
        return [.. _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(key), value)).Select(m => m.Value)];
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
