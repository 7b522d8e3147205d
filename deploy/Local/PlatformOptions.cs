namespace Samverkan.Local;

/// <summary>How to start the platform. The defaults are the README's local run.</summary>
public sealed record PlatformOptions
{
    /// <summary>The directory holding Samverkan.slnx; found from this assembly's location by default.</summary>
    public string RepositoryRoot { get; init; } = FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>Where the services keep their SQLite files (one per service). Default: &lt;root&gt;/.data.</summary>
    public string? DataDirectory { get; init; }

    public int GatewayPort { get; init; } = Topology.Gateway.RestPort;

    /// <summary>
    /// True: every port (gateway included) is a free one chosen at start, so several platforms
    /// can run side by side (tests). False: the fixed ports of <see cref="Topology"/>.
    /// </summary>
    public bool FreePorts { get; init; }

    /// <summary>
    /// The artifacts pivot to run, e.g. "debug" or "release": by default the one this assembly
    /// was built in (artifacts/bin/&lt;Project&gt;/&lt;pivot&gt;/), so a launcher or test runs
    /// binaries built together with it.
    /// </summary>
    public string BuildConfiguration { get; init; } = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));

    /// <summary>Names of the services to start; by default all of <see cref="Topology.Services"/>.</summary>
    public IReadOnlyList<string> Services { get; init; } = [.. Topology.Services.Select(s => s.Name)];

    /// <summary>
    /// Services among <see cref="Services"/> that the caller hosts in its own process (a test
    /// hosting the service under test in memory, with a fake clock). Their ports and settings are
    /// chosen like every other's (<see cref="RunningPlatform.SettingsFor"/>), and the others are
    /// told where they listen, but no process is started for them.
    /// </summary>
    public IReadOnlyList<string> HostedByCaller { get; init; } = [];

    /// <summary>
    /// How many replicas to run of a service (by name; 1 when absent): the extra ones share the
    /// first one's SQLite file and start once it is healthy, the gateway's cluster lists them all,
    /// and producers deliver events to any replica of a subscriber (see Replicas).
    /// </summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether to start the gateway after the services.</summary>
    public bool Gateway { get; init; } = true;

    /// <summary>Whether to start the web app (<see cref="Topology.Web"/>) too; only with the gateway, its way to the API.</summary>
    public bool Web { get; init; } = true;

    /// <summary>Services load their seed on first start (Seed:Enabled).</summary>
    public bool Seed { get; init; } = true;

    /// <summary>
    /// The longest a process may take to answer /health. The launcher waits that long only while
    /// the process makes progress (<see cref="StallTimeout"/>), so a busy machine slows start-up
    /// without failing it and a stuck process fails without waiting the whole cap.
    /// </summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a starting process may use no CPU time and write no output before it counts as stuck.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Extra configuration for every service process (not the gateway), as environment variables (<c>Webhooks__RetrySchedule__0</c>);
    /// they win over the launcher's own (tests use this for short retry schedules, or to turn a local default off).
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Extra configuration for the gateway process, as environment variables (<c>RateLimits__PermitsPerMinute</c>,
    /// <c>Cors__AllowedOrigins__0</c>); they win over the launcher's own (tests use this for tiny rate limits or CORS origins).
    /// </summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives every child output line, already prefixed with "[service] "; null to keep quiet.</summary>
    public Action<string>? Output { get; init; } = Console.WriteLine;

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory ?? Path.Combine(RepositoryRoot, ".data"));

    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Samverkan.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Samverkan.slnx found above {start}.");
    }
}
