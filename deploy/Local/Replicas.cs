namespace Samverkan.Local;

/// <summary>
/// Extra replicas of a service (<see cref="PlatformOptions.Replicas"/>): <c>forums-2</c>, <c>forums-3</c>,
/// ... each a process of its own on ports of its own (fixed: the first's plus 100 per replica),
/// sharing the first replica's SQLite file, as replicas on one machine do. The first replica keeps
/// the service's name.
/// </summary>
internal static class Replicas
{
    private const int PortStep = 100;

    public static IReadOnlyList<ServiceDefinition> Extra(ServiceDefinition service, int count) =>
        [.. Enumerable.Range(2, Math.Max(0, count - 1)).Select(replica => service with
        {
            Name = $"{service.Name}-{replica}",
            RestPort = service.RestPort + PortStep * (replica - 1),
            GrpcPort = service.GrpcPort + PortStep * (replica - 1),
        })];

    /// <summary>
    /// What the gateway needs for a service's cluster: each replica's address, for service
    /// discovery to resolve the cluster's logical address (<c>Services__forums__http__0</c>, <c>__1</c>,
    /// ...), and with several, health checks, so a replica that is down stops getting requests
    /// within seconds (YARP's active checks on /alive every second; passive ones on transport
    /// failures in between).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> GatewayCluster(string service, IReadOnlyList<Uri> addresses)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            yield return new(Topology.HttpDiscoveryKey(service, i), addresses[i].ToString().TrimEnd('/'));
        }
        if (addresses.Count < 2)
        {
            yield break;
        }
        var cluster = $"ReverseProxy__Clusters__{service}";
        yield return new($"{cluster}__HealthCheck__Active__Enabled", "true");
        yield return new($"{cluster}__HealthCheck__Active__Interval", "00:00:01");
        yield return new($"{cluster}__HealthCheck__Active__Timeout", "00:00:01");
        yield return new($"{cluster}__HealthCheck__Active__Path", "/alive");
        yield return new($"{cluster}__HealthCheck__Active__Policy", "ConsecutiveFailures");
        yield return new($"{cluster}__HealthCheck__Passive__Enabled", "true");
        yield return new($"{cluster}__HealthCheck__Passive__ReactivationPeriod", "00:00:05");
    }
}
