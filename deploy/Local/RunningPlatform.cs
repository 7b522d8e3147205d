namespace Samverkan.Local;

/// <summary>
/// The platform as real processes on 127.0.0.1: each service and the gateway runs as
/// `dotnet artifacts/bin/&lt;Project&gt;/&lt;config&gt;/&lt;Project&gt;.dll`, configured through
/// environment variables only.
/// </summary>
/// <remarks>
/// Children are stopped by <see cref="DisposeAsync"/>, and killed from AppDomain.ProcessExit when
/// the owner exits normally or on SIGTERM/SIGINT. Limit: a launcher killed hard (SIGKILL, a
/// crash of the runtime) runs no handler, and .NET cannot set PR_SET_PDEATHSIG for the children
/// it starts, so they outlive it. The next start on the same data directory kills them
/// (<see cref="ChildRegistry"/>) before taking their ports.
/// </remarks>
public sealed class RunningPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly PlatformOptions options;
    private readonly PortMap ports;
    private readonly Dictionary<string, ServiceProcess> processes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ServiceDefinition> definitions;
    /// <summary>Each extra replica (see Replicas) and the service it is a replica of.</summary>
    private readonly Dictionary<string, ServiceDefinition> replicaOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly ChildRegistry registry;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly string instance = Guid.NewGuid().ToString("N");
    private int disposed;

    private RunningPlatform(PlatformOptions options)
    {
        this.options = options;
        DataDirectory = options.ResolvedDataDirectory;
        Directory.CreateDirectory(DataDirectory);
        registry = new ChildRegistry(DataDirectory);
        definitions = options.Services.Select(Topology.Find).Where(d => d != Topology.Gateway && !Topology.Apps.Contains(d)).Distinct().ToList();
        foreach (var service in definitions.ToList())
        {
            foreach (var replica in Replicas.Extra(service, options.Replicas.GetValueOrDefault(service.Name, 1)))
            {
                replicaOf[replica.Name] = service;
                definitions.Add(replica);
            }
        }
        ports = new PortMap(options, [.. definitions.Where(d => replicaOf.ContainsKey(d.Name))]);
        if (options.Gateway)
        {
            definitions.Add(Topology.Gateway);
            // The web app reaches the services through the gateway only, so it runs only with one.
            if (options.Web)
            {
                definitions.AddRange(Topology.Apps);
            }
        }
        var hostedByCaller = options.HostedByCaller.Select(Topology.Find).ToHashSet();
        var environment = CommonEnvironment();
        foreach (var definition in definitions)
        {
            var own = EnvironmentFor(definition, environment);
            settings[definition.Name] = own;
            if (!hostedByCaller.Contains(definition))
            {
                processes[definition.Name] = new ServiceProcess(definition, DllPath(definition), own, options.Output);
            }
        }
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public string DataDirectory { get; }

    /// <summary>
    /// The configuration the platform gives <paramref name="service"/>, as environment variables
    /// (<c>Kestrel__Endpoints__Http__Url</c>): what a caller hosting it itself (see
    /// <see cref="PlatformOptions.HostedByCaller"/>) must pass it.
    /// </summary>
    public IReadOnlyDictionary<string, string> SettingsFor(string service) =>
        settings.TryGetValue(Find(service).Name, out var own)
            ? own
            : throw new InvalidOperationException($"{service} is not part of this platform.");

    /// <summary>The names of the processes this platform runs, services first.</summary>
    public IReadOnlyList<string> Processes => [.. processes.Keys];

    public Uri GatewayUrl => processes.ContainsKey(Topology.Gateway.Name)
        ? RestUrl(Topology.Gateway.Name)
        : throw new InvalidOperationException("This platform was started without the gateway.");

    public Uri RestUrl(string service) => ports.RestUrl(Find(service));

    public Uri GrpcUrl(string service) => ports.GrpcUrl(Find(service));

    /// <summary>The processes of <paramref name="service"/>: its name, then each extra replica's (<c>forums-2</c>).</summary>
    public IReadOnlyList<string> ReplicasOf(string service) =>
        [Topology.Find(service).Name, .. replicaOf.Where(pair => pair.Value == Topology.Find(service)).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    /// <summary>The operating system's id of the process, while it runs.</summary>
    public int? ProcessIdOf(string service) => Process(service).ProcessId;

    /// <summary>The last lines the process wrote, each prefixed with "[service] ".</summary>
    public string OutputOf(string service) => Process(service).RecentOutput;

    public bool IsRunning(string service) => Process(service).IsRunning;

    /// <summary>
    /// Starts the services in parallel, waits for each /health, then starts the gateway. On free
    /// ports a start is tried again on other ports when it fails: two platforms started at the
    /// same moment (parallel test assemblies) can pick the same free port, and the one that loses
    /// the bind would otherwise fail.
    /// </summary>
    public static async Task<RunningPlatform> StartAsync(PlatformOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlatformOptions();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken);
            }
            catch (PlatformStartException e) when (options.FreePorts && attempt < 3 && (e.ExitCode is null || e.PortInUse))
            {
                // Fresh ports; the data directory is kept, and a restart on it is a normal start. A
                // process that exited for another reason (a store it refuses, say) would only fail again.
            }
        }
    }

    private static async Task<RunningPlatform> StartOnceAsync(PlatformOptions options, CancellationToken cancellationToken)
    {
        var platform = new RunningPlatform(options);
        try
        {
            platform.registry.KillLeftovers();
            platform.ports.EnsureFree(platform.definitions);
            var services = platform.processes.Values.Where(p => p.Definition != Topology.Gateway).ToList();
            // Extra replicas start once the first is healthy: it has created (and seeded) the file they share.
            await Task.WhenAll(services.Where(p => !platform.replicaOf.ContainsKey(p.Definition.Name)).Select(p => platform.StartOneAsync(p, cancellationToken)));
            await Task.WhenAll(services.Where(p => platform.replicaOf.ContainsKey(p.Definition.Name)).Select(p => platform.StartOneAsync(p, cancellationToken)));
            if (platform.processes.TryGetValue(Topology.Gateway.Name, out var gateway))
            {
                await platform.StartOneAsync(gateway, cancellationToken);
            }
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process tree at once, as a crash would; its ports and data stay reserved for <see cref="RestartAsync"/>.</summary>
    public void Kill(string service) => Process(service).Kill();

    /// <summary>Stops the process if it still runs, starts it again on the same ports and data, and waits for /health.</summary>
    public async Task RestartAsync(string service, CancellationToken cancellationToken = default)
    {
        var process = Process(service);
        await process.StopAsync(StopGrace);
        await StartOneAsync(process, cancellationToken);
    }

    /// <summary>Stops the gateway, then the services, each gracefully (SIGTERM) and killed after a grace period.</summary>
    public async Task StopAsync()
    {
        if (processes.TryGetValue(Topology.Gateway.Name, out var gateway))
        {
            await gateway.StopAsync(StopGrace);
        }
        await Task.WhenAll(processes.Values.Select(p => p.StopAsync(StopGrace)));
        registry.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        try
        {
            await StopAsync();
        }
        finally
        {
            KillAll();
            AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
            http.Dispose();
        }
    }

    private async Task StartOneAsync(ServiceProcess process, CancellationToken cancellationToken)
    {
        process.Start();
        registry.Record(processes.Values);
        await process.WaitHealthyAsync(http, RestUrl(process.Definition.Name), instance, new StartProgress(options.StallTimeout, options.HealthTimeout), cancellationToken);
    }

    private void KillOnExit(object? sender, EventArgs e) => KillAll();

    private void KillAll()
    {
        foreach (var process in processes.Values)
        {
            process.Kill();
        }
    }

    private ServiceDefinition Find(string service) =>
        definitions.FirstOrDefault(d => d.Name.Equals(service, StringComparison.OrdinalIgnoreCase)) ?? Topology.Find(service);

    /// <summary>The base URLs of every replica of <paramref name="service"/>.</summary>
    private List<Uri> RestUrls(ServiceDefinition service) =>
        [ports.RestUrl(service), .. replicaOf.Where(pair => pair.Value == service).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => RestUrl(pair.Key))];

    private ServiceProcess Process(string service) =>
        processes.TryGetValue(Find(service).Name, out var process)
            ? process
            : throw new InvalidOperationException($"{service} is not part of this platform.");

    private string DllPath(ServiceDefinition definition)
    {
        var path = Path.Combine(options.RepositoryRoot, "artifacts", "bin", definition.ProjectName, options.BuildConfiguration, definition.ProjectName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{definition.Name} is not built: {path} is missing. Build {definition.ProjectPath} in the same configuration ({options.BuildConfiguration}) first.", path);
    }

    private Dictionary<string, string> CommonEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["Seed__Enabled"] = options.Seed ? "true" : "false",
            ["Platform__InstanceId"] = instance,
            // A local run: development tokens, signed with this data directory's own key (see DevelopmentAuth).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__Development__SigningKey"] = DevelopmentAuth.LoadOrCreateKey(DataDirectory),
            ["APP_API_TOKEN"] = DevelopmentAuth.LoadOrCreateAppApiToken(DataDirectory),
            // One line per entry, so the "[service] " prefix marks every line.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        // Every service's logical gRPC address resolves to its first replica (service discovery's
        // configuration provider); the processes' own settings name only the logical addresses.
        foreach (var (key, value) in Topology.ServiceDiscoveryEntries(service => GrpcUrl(service.Name)))
        {
            environment[key] = value;
        }
        // Producers relay their events straight to the apps that subscribe (the embedded stand-in
        // for Dapr pub/sub); each app's /dapr/subscribe says which topics it takes.
        foreach (var subscriber in Topology.EventSubscribers.Where(s => options.Services.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            environment[$"Events__Subscribers__{subscriber.Name}"] = string.Join(' ', RestUrls(subscriber).Select(url => url.ToString().TrimEnd('/')));
        }
        // Webhook targets on this machine are the norm when running locally and in tests.
        environment["Webhooks__AllowPrivateTargets"] = "true";
        return environment;
    }

    private Dictionary<string, string> EnvironmentFor(ServiceDefinition definition, Dictionary<string, string> common)
    {
        var environment = new Dictionary<string, string>(common)
        {
            ["Kestrel__Endpoints__Http__Url"] = RestUrl(definition.Name).ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in definition.RuntimeEnvironment)
        {
            environment[key] = value;
        }
        if (definition == Topology.Gateway)
        {
            // The gateway owns no data; it only needs to know where each service listens.
            foreach (var service in Topology.Services.Concat(Topology.Apps))
            {
                foreach (var (key, value) in Replicas.GatewayCluster(service.Name, RestUrls(service)))
                {
                    environment[key] = value;
                }
            }
            foreach (var (key, value) in options.GatewaySettings)
            {
                environment[key] = value;
            }
            return environment;
        }
        if (Topology.Apps.Contains(definition))
        {
            // An app owns no data and calls the API as its users do: through the gateway.
            environment["Api__BaseAddress"] = ports.RestUrl(Topology.Gateway).ToString();
            return environment;
        }
        environment["Kestrel__Endpoints__Grpc__Url"] = GrpcUrl(definition.Name).ToString().TrimEnd('/');
        environment["Storage__Sqlite__Path"] = Path.Combine(DataDirectory, replicaOf.GetValueOrDefault(definition.Name, definition).Name + ".db");
        foreach (var (key, value) in options.Settings)
        {
            environment[key] = value;
        }
        return environment;
    }
}
