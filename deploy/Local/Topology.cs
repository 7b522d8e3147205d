namespace Samverkan.Local;

/// <summary>
/// One process of the platform. <see cref="GrpcPort"/> is null for the gateway, which has no
/// internal endpoint. <see cref="ConfigName"/> is the key other processes use in
/// <c>GrpcClients:{ConfigName}</c> for its <see cref="GrpcAddress"/>. <see cref="Calls"/> names the services whose gRPC
/// contracts it uses for its own work (the API key directory comes on top, see
/// <see cref="Topology.GrpcClientsOf"/>, unless <see cref="ChecksApiKeys"/> is false).
/// </summary>
public sealed record ServiceDefinition(string Name, string ProjectName, string ProjectDirectory, int RestPort, int? GrpcPort)
{
    public string ConfigName => ProjectName.Split('.')[^1];

    /// <summary>The project file, relative to the repository root.</summary>
    public string ProjectPath => $"{ProjectDirectory}/{ProjectName}.csproj";

    public IReadOnlyList<string> Calls { get; init; } = [];

    /// <summary>
    /// The logical address other processes name in their configuration: the endpoint
    /// <see cref="Topology.GrpcEndpoint"/> of this service, which Microsoft.Extensions.ServiceDiscovery
    /// resolves from <c>Services:{Name}:grpc:0</c> (see <see cref="Topology.ServiceDiscoveryEntries"/>).
    /// </summary>
    public string GrpcAddress => $"http://_{Topology.GrpcEndpoint}.{Name}";

    /// <summary>
    /// The logical address of its REST endpoint, which the gateway's cluster for it names
    /// (gateway/appsettings.json) and service discovery resolves from <c>Services:{Name}:http:0</c>.
    /// </summary>
    public string HttpAddress => $"http://_{Topology.HttpEndpoint}.{Name}";

    /// <summary>False for the web app: it accepts no API keys (it signs people in and calls the API through the gateway).</summary>
    public bool ChecksApiKeys { get; init; } = true;

    /// <summary>
    /// Runtime settings the .NET runtime reads only from the environment, before any configuration
    /// file (a GC setting without a runtimeconfig.json name): set by the launcher, and checked in
    /// tye.yaml and the Kubernetes manifests (tests/Deployment.Tests).
    /// </summary>
    public IReadOnlyDictionary<string, string> RuntimeEnvironment { get; init; } = new Dictionary<string, string>();
}

/// <summary>The fixed shape of the platform: six services, the gateway in front of them, and the web app behind the gateway.</summary>
public static class Topology
{
    public static readonly ServiceDefinition Regions = new("regions", "Samverkan.Regions", "services/Regions", 5101, 5111);
    public static readonly ServiceDefinition Institutions = new("institutions", "Samverkan.Institutions", "services/Institutions", 5102, 5112) { Calls = ["regions"] };
    public static readonly ServiceDefinition Forums = new("forums", "Samverkan.Forums", "services/Forums", 5103, 5113) { Calls = ["regions", "institutions"] };
    public static readonly ServiceDefinition Contacts = new("contacts", "Samverkan.Contacts", "services/Contacts", 5104, 5114) { Calls = ["forums", "institutions"] };
    public static readonly ServiceDefinition Subscriptions = new("subscriptions", "Samverkan.Subscriptions", "services/Subscriptions", 5105, 5115);
    public static readonly ServiceDefinition Coverage = new("coverage", "Samverkan.Coverage", "services/Coverage", 5106, 5116)
    {
        Calls = ["regions", "institutions", "forums", "contacts"],
        // Its size is its read model: the collector's "memory footprint" level (0) collects gen 2
        // before the answers of replaced states pile up there, and gen 1 stays small (8 MiB, in hex
        // as the runtime reads it). Neither has a runtimeconfig.json name (docs/coverage.md, "Memory").
        RuntimeEnvironment = new Dictionary<string, string> { ["DOTNET_GCLatencyLevel"] = "0", ["DOTNET_GCGen1MaxBudget"] = "800000" },
    };
    public static readonly ServiceDefinition Gateway = new("gateway", "Samverkan.Gateway", "gateway", 8080, null);

    /// <summary>
    /// The web app (issue 14): served by the gateway at every path outside the API, and a client
    /// of the API through the gateway only. Not a service: no gRPC, no data, no events.
    /// </summary>
    public static readonly ServiceDefinition Web = new("web", "Samverkan.Web", "web", 8090, null) { ChecksApiKeys = false };

    /// <summary>The services behind the gateway; they start in parallel, before the gateway.</summary>
    public static IReadOnlyList<ServiceDefinition> Services { get; } = [Regions, Institutions, Forums, Contacts, Subscriptions, Coverage];

    /// <summary>The services that subscribe to events: Forums (institution names), Subscriptions (the change feed) and Coverage (its read model).</summary>
    public static IReadOnlyList<ServiceDefinition> EventSubscribers { get; } = [Forums, Subscriptions, Coverage];

    /// <summary>The processes that are neither a service nor the gateway: the gateway routes every path outside the API to them.</summary>
    public static IReadOnlyList<ServiceDefinition> Apps { get; } = [Web];

    /// <summary>Every process: the services, then the gateway, then the web app.</summary>
    public static IReadOnlyList<ServiceDefinition> All { get; } = [.. Services, Gateway, .. Apps];

    /// <summary>
    /// Every service <paramref name="process"/> reaches over gRPC: what it <see cref="ServiceDefinition.Calls"/>,
    /// and Subscriptions' API key directory for every process but Subscriptions itself, since each
    /// checks a partner's key again (docs/security.md). Each needs <c>GrpcClients:{ConfigName}</c>.
    /// </summary>
    public static IReadOnlyList<ServiceDefinition> GrpcClientsOf(ServiceDefinition process) =>
        [.. process.Calls.Select(Find), .. process == Subscriptions || !process.ChecksApiKeys ? [] : new[] { Subscriptions }];

    /// <summary>The name of every service's gRPC endpoint, in its logical address and in service discovery's keys.</summary>
    public const string GrpcEndpoint = "grpc";

    /// <summary>
    /// What resolves every service's <see cref="ServiceDefinition.GrpcAddress"/>, as environment
    /// variables for service discovery's configuration provider (<c>Services__forums__grpc__0</c>):
    /// the launcher sets these with its ports, and tye.yaml and the Kubernetes manifests are
    /// checked against them (tests/Deployment.Tests).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServiceDiscoveryEntries(Func<ServiceDefinition, Uri> grpcUrl) =>
        Services.ToDictionary(ServiceDiscoveryKey, service => grpcUrl(service).ToString().TrimEnd('/'));

    /// <summary>The environment variable that holds the first endpoint of <paramref name="service"/>'s gRPC address.</summary>
    public static string ServiceDiscoveryKey(ServiceDefinition service) => $"Services__{service.Name}__{GrpcEndpoint}__0";

    /// <summary>
    /// The name of every service's and app's REST endpoint, in the gateway's cluster addresses
    /// (<see cref="ServiceDefinition.HttpAddress"/>) and in service discovery's keys.
    /// </summary>
    public const string HttpEndpoint = "http";

    /// <summary>
    /// The environment variable, in the gateway's environment, that holds the REST endpoint of
    /// replica <paramref name="replica"/> (from 0) of <paramref name="service"/>.
    /// </summary>
    public static string HttpDiscoveryKey(string service, int replica) => $"Services__{service}__{HttpEndpoint}__{replica}";

    public static ServiceDefinition Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"'{name}' is not part of the platform. Known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
