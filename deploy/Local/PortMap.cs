using System.Net;
using System.Net.Sockets;

namespace Samverkan.Local;

/// <summary>The REST and gRPC port of every process of the topology, fixed or chosen free at start.</summary>
internal sealed class PortMap
{
    public const string Host = "127.0.0.1";

    private readonly Dictionary<string, (int Http, int? Grpc)> ports = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="options">Fixed or free ports.</param>
    /// <param name="replicas">Extra replicas (see Replicas), which need ports of their own.</param>
    public PortMap(PlatformOptions options, IReadOnlyList<ServiceDefinition> replicas)
    {
        if (!options.FreePorts)
        {
            foreach (var definition in Topology.All.Concat(replicas))
            {
                ports[definition.Name] = (definition == Topology.Gateway ? options.GatewayPort : definition.RestPort, definition.GrpcPort);
            }
            return;
        }
        // All listeners are held open together so the ports handed out are distinct.
        var listeners = new List<TcpListener>();
        try
        {
            // From 10000-19999, below Linux's ephemeral range: a port the OS hands to some
            // client or to a test's own listener on port 0 between this check and the child's
            // bind cannot be one of these. Tests' own fixed-range listeners use 20000-30000.
            int Next()
            {
                for (var attempt = 0; ; attempt++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(10000, 20000));
                    try
                    {
                        listener.Start();
                        listeners.Add(listener);
                        return ((IPEndPoint)listener.LocalEndpoint).Port;
                    }
                    catch (SocketException) when (attempt < 100)
                    {
                        // Taken: try another.
                    }
                }
            }
            foreach (var definition in Topology.All.Concat(replicas))
            {
                ports[definition.Name] = (Next(), definition.GrpcPort is null ? null : Next());
            }
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    public Uri RestUrl(ServiceDefinition definition) => new($"http://{Host}:{ports[definition.Name].Http}/");

    public Uri GrpcUrl(ServiceDefinition definition) =>
        ports[definition.Name].Grpc is { } grpc
            ? new Uri($"http://{Host}:{grpc}/")
            : throw new InvalidOperationException($"{definition.Name} has no gRPC endpoint.");

    /// <summary>
    /// Fails fast on a taken port: otherwise whatever listens there could answer /health in
    /// place of the child that failed to bind.
    /// </summary>
    public void EnsureFree(IEnumerable<ServiceDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            foreach (var port in new[] { ports[definition.Name].Http, ports[definition.Name].Grpc }.OfType<int>())
            {
                var probe = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    probe.Start();
                }
                catch (SocketException)
                {
                    throw new PlatformStartException(definition.Name,
                        $"Port {port} for {definition.Name} on {Host} is already in use. Stop what listens there, or choose other ports.",
                        portInUse: true);
                }
                finally
                {
                    probe.Stop();
                }
            }
        }
    }
}
