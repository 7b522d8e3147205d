using Samverkan.Local;

namespace Samverkan.TestSupport.InProcess;

/// <summary>
/// The service under test hosted in the test process (<see cref="InProcessService{TProgram}"/>)
/// on its own <see cref="Clock"/>, the services it calls started as real processes beside it.
/// Name the service under test first, as for <see cref="ServiceFixture"/>:
/// <code>public sealed class InstitutionsFixture() : InProcessServiceFixture&lt;InstitutionsService::Program&gt;("institutions", "regions");</code>
/// </summary>
public abstract class InProcessServiceFixture<TProgram>(params string[] services) : ServiceFixture(services)
    where TProgram : class
{
    private InProcessService<TProgram>? host;

    /// <summary>The clock of the service under test; advance it to test rules measured in hours or days.</summary>
    public TestClock Clock { get; } = new();

    protected override PlatformOptions StartOptions(PlatformOptions options) => options with { HostedByCaller = [Names[0]] };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        host = new InProcessService<TProgram>(Platform.SettingsFor(Names[0]), Clock.Provider);
        host.Start();
        // A service may be ready only after work of its own at start (Coverage's first snapshots), so wait as the launcher does.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var health = await AnonymousClient.GetAsync("/health");
            if (health.IsSuccessStatusCode)
            {
                break;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{Names[0]} started in process but /health answers {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}");
            }
            await Task.Delay(100);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
        await Clock.DisposeAsync();
        await base.DisposeAsync();
    }
}
