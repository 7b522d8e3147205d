using Microsoft.Extensions.Configuration;

namespace Samverkan.ServiceDefaults.Grpc;

/// <summary>
/// A logical service address, as Microsoft.Extensions.ServiceDiscovery reads it:
/// <c>http://_grpc.forums</c> is the endpoint named <c>grpc</c> of the service <c>forums</c>, and
/// resolves from <c>Services:forums:grpc:0</c> (<c>:1</c>, ... for more replicas), which the
/// launcher, tye.yaml and the Kubernetes manifests set (deploy/README.md). A process's own
/// configuration names only logical addresses, never a host and port: the gRPC clients'
/// (<c>GrpcClients</c>) and the gateway's clusters (<c>http://_http.forums</c>).
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

    /// <summary>
    /// Why the address configured at <paramref name="key"/> cannot be called: it is not a logical
    /// address, or nothing in <paramref name="configuration"/> resolves it. Null when it can.
    /// </summary>
    public static string? ProblemWith(string key, string value, IConfiguration configuration)
    {
        if (Parse(value, out var problem) is not { } address)
        {
            return $"{key} ({value}) {problem}.";
        }
        return address.ResolvesIn(configuration)
            ? null
            : $"{key} is {value}, but nothing resolves it: set {address.ResolutionKey}:0 to the service's URL " +
                $"(environment {address.ResolutionKey.Replace(":", "__", StringComparison.Ordinal)}__0=http://host:port).";
    }

    // One URL as the section's value, or a list of them as its children.
    private bool ResolvesIn(IConfiguration configuration)
    {
        var section = configuration.GetSection(ResolutionKey);
        return Uri.TryCreate(section.Value, UriKind.Absolute, out _)
            || section.GetChildren().Any(child => Uri.TryCreate(child.Value, UriKind.Absolute, out _));
    }
}
