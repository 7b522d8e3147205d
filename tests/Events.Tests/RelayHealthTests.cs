using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

public sealed class RelayHealthTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Health_is_degraded_naming_a_subscriber_that_lags_and_healthy_once_it_catches_up()
    {
        var isUp = false;
        await using var lagging = await TestSubscriberApp.StartAsync(answer: (_, _) =>
            Volatile.Read(ref isUp) ? SubscriberExtensions.Success() : Results.StatusCode(StatusCodes.Status500InternalServerError));
        await using var current = await TestSubscriberApp.StartAsync();
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber("lagging", lagging.Url), RelayHost.Subscriber("current", current.Url),
            RelayHost.Setting("Events:Relay:LagWarning", "00:00:00.300"));
        var health = producer.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["events"].Status);

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1")]);
        var state = producer.Services.GetRequiredService<RelayState>();
        await Eventually.TrueAsync(() => current.Accepted.Count == 1 && state.For("http:current").OldestUndelivered is null,
            "the other subscriber is up to date");

        HealthReportEntry events = default;
        await Eventually.TrueAsync(async () => (events = (await health.CheckHealthAsync()).Entries["events"]).Status == HealthStatus.Degraded,
            "health reports the lag");
        Assert.Contains("http:lagging", events.Description);
        Assert.DoesNotContain("http:current", events.Description);

        Volatile.Write(ref isUp, true);
        await Eventually.TrueAsync(async () => (events = (await health.CheckHealthAsync()).Entries["events"]).Status == HealthStatus.Healthy,
            "health recovers");
        Assert.Single(lagging.Accepted);
    }
}
