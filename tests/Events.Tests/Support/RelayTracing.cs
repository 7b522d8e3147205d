using System.Diagnostics;

namespace Samverkan.Events.Tests.Support;

/// <summary>
/// Listens to the relay's activities as a service's OpenTelemetry setup does (ServiceDefaults
/// adds the Samverkan.* sources); without a listener .NET creates no delivery span at all.
/// </summary>
public static class RelayTracing
{
    private static readonly Lazy<ActivityListener> Listener = new(() =>
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Samverkan.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    });

    public static void Listen() => _ = Listener.Value;

    /// <summary>A write's span, as the request that makes a change would have.</summary>
    public static Activity StartWrite() => new Activity("test write").SetIdFormat(ActivityIdFormat.W3C).Start();
}
