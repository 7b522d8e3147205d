namespace Samverkan.Events;

/// <summary>
/// How large one event may be on the wire. Every event route accepts bodies up to
/// <see cref="MaxEventBytes"/>, whatever the public request limit is, and every resource's
/// bounds keep its largest valid event below it, so no valid write can become an event that a
/// subscriber refuses for its size. 4 MiB is Dapr's default for what a sidecar hands an app
/// (<c>dapr.io/http-max-request-size</c>).
/// </summary>
public static class EventLimits
{
    public const int MaxEventBytes = 4 * 1024 * 1024;
}
