using System.Collections.Concurrent;

namespace Samverkan.Gateway.Apis;

/// <summary>
/// How many probes in a row each destination has let time out. One slow answer is not an
/// outage: on a busy machine a healthy service now and then takes longer than the probe timeout,
/// and a platform that turned 503 on each such probe would leave its load balancer's rotation
/// for nothing (Kubernetes' <c>failureThreshold</c> exists for the same reason). So a timeout
/// reports the destination <c>Slow</c> (Degraded) until <see cref="UnreachableAfter"/> come in a
/// row; a refused connection is Unreachable at once, since nothing listens.
/// </summary>
public sealed class SlowProbes
{
    public const int UnreachableAfter = 3;

    private readonly ConcurrentDictionary<string, int> _timeouts = new(StringComparer.Ordinal);

    /// <summary>Counts one more timeout of <paramref name="address"/>; true when it is now Unreachable.</summary>
    public bool TimedOut(string address) => _timeouts.AddOrUpdate(address, 1, (_, count) => count + 1) >= UnreachableAfter;

    /// <summary>Ends the series: the probe answered, or was refused (which is no timeout).</summary>
    public void Reset(string address) => _timeouts.TryRemove(address, out _);
}
