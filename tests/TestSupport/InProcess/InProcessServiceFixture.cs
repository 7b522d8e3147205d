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
        using var health = await AnonymousClient.GetAsync("/health");
        if (!health.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{Names[0]} started in process but /health answers {(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}");
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
