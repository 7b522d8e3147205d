namespace Samverkan.ServiceDefaults.Grpc;

/// <summary>
/// A logical service address, as Microsoft.Extensions.ServiceDiscovery reads it:
/// <c>http://_grpc.forums</c> is the endpoint named <c>grpc</c> of the service <c>forums</c>, and
/// resolves from <c>Services:forums:grpc:0</c> (<c>:1</c>, ... for more replicas), which the
/// launcher, tye.yaml and the Kubernetes manifests set (deploy/README.md). A process's own
/// configuration names only logical addresses, never a host and port.
/// </summary>
public sealed record ServiceAddress(string Scheme, string Service, string Endpoint)
{
    /// <summary>Where a process names the logical address of a service it calls.</summary>
    public const string ClientsSection = "GrpcClients";

    public static string ClientKey(string service) => $"{ClientsSection}:{service}";

    /// <summary>Where service discovery finds the endpoints: one or more URLs.</summary>
    public string ResolutionKey => $"Services:{Service}:{Endpoint}";

    /// <summary>The address, or null (with the reason) when it is not a logical one.</summary>
    public static ServiceAddress? Parse(string value, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = "is not an http URL";
            return null;
        }
        var host = uri.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (!uri.IsDefaultPort || !host.StartsWith('_') || dot < 2 || dot == host.Length - 1 || uri.AbsolutePath != "/")
        {
            problem = "is not a logical address of the form http://_<endpoint>.<service> (no host, port or path: those come from Services:<service>:<endpoint>)";
            return null;
        }
        return new ServiceAddress(uri.Scheme, host[(dot + 1)..], host[1..dot]);
    }
}
