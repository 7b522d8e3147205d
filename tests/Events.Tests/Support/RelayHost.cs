using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.Events.Hosting;
using Samverkan.Events.Outbox;
using Samverkan.ServiceDefaults;
using Samverkan.Storage;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Events.Tests.Support;

/// <summary>
/// A producer without its API: a real host with the SQLite store and <see cref="EventsRegistration.AddEventPublishing"/>,
/// configured the way a service is (Events:*). Built first, so a test can write before the relay starts.
/// </summary>
public sealed class RelayHost : IAsyncDisposable
{
    public const string Topic = Topics.Forums;

    private static readonly Dictionary<string, string?> FastRelay = new()
    {
        ["Events:Relay:PollInterval"] = "00:00:00.050",
        ["Events:Relay:FirstRetryDelay"] = "00:00:00.010",
        ["Events:Relay:MaxRetryDelay"] = "00:00:00.100",
    };

    private readonly IHost _host;
    private bool _started;

    private RelayHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public EventOutbox Outbox => Services.GetRequiredService<EventOutbox>();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static KeyValuePair<string, string?> Subscriber(string name, Uri url) => new($"Events:Subscribers:{name}", url.ToString());

    public static KeyValuePair<string, string?> Setting(string key, string value) => new(key, value);

    public static RelayHost Build(string databasePath, params KeyValuePair<string, string?>[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Samverkan.Events.Tests",
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        // The test's own settings come last, so they win over the fast defaults.
        builder.Configuration.AddInMemoryCollection(FastRelay);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IDocumentStore>(_ => new SqliteDocumentStore(databasePath));
        builder.Services.ConfigureHttpJsonOptions(options => ServiceDefaultsExtensions.ConfigureApiJson(options.SerializerOptions));
        builder.AddEventPublishing(Topic);
        TestLogging.Configure(builder.Logging);
        return new RelayHost(builder.Build());
    }

    public static async Task<RelayHost> StartAsync(string databasePath, params KeyValuePair<string, string?>[] settings)
    {
        var host = Build(databasePath, settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        await _host.StartAsync();
        _started = true;
    }

    public async Task<IReadOnlyList<StoredDocument>> OutboxRecordsAsync() =>
        await Store.QueryAsync(EventOutbox.Collection, new DocumentQuery()).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }
        _host.Dispose();
    }
}
