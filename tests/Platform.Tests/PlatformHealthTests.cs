using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// The whole platform with one more event subscriber that never answers, so every producer's
/// relay falls behind and reports Degraded within a second of its first event.
/// </summary>
public sealed class LaggingPlatformFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory data = new("lagging");
    private RunningPlatform? platform;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("The platform is not started.");

    public HttpClient Gateway { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync(TestPlatform.Options(data.Path) with
        {
            Settings = new Dictionary<string, string>
            {
                // Port 9 (discard) has no listener on loopback: every delivery there is refused.
                ["Events__Subscribers__ghost"] = "http://127.0.0.1:9",
                ["Events__Relay__LagWarning"] = "00:00:01",
            },
        });
        Gateway = JsonHttp.CreateClient(platform.GatewayUrl, DevelopmentAuth.Mint(DevelopmentAuth.LoadOrCreateKey(data.Path), TokenRequest.Admin));
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
        data.Dispose();
    }
}

/// <summary>The gateway's /health is the worst state of the platform, and a service that is down answers 503.</summary>
public sealed class PlatformHealthTests(LaggingPlatformFixture fixture) : IClassFixture<LaggingPlatformFixture>
{
    [Fact]
    public async Task A_degraded_service_makes_the_platform_degraded_while_it_still_serves()
    {
        using var created = await fixture.Gateway.PostJsonAsync("/api/institutions", new { name = $"Eftersläpande högskola {Guid.NewGuid():N}", kind = "university" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (status, body) = await HealthAsync(until: body => Status(body) == "Degraded");

        Assert.True(status == HttpStatusCode.OK, $"The platform answered {(int)status}: {body}\n{await UnhealthyDetailsAsync(body)}");
        var institutions = body.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("name").GetString() == "institutions");
        Assert.Equal("Degraded", Status(institutions));
        Assert.Equal("Degraded", Status(institutions.GetProperty("destinations")[0]));
    }

    [Fact]
    public async Task A_service_that_is_down_answers_503_with_Retry_After_through_the_gateway_and_turns_the_platform_unhealthy()
    {
        fixture.Platform.Kill("regions");
        try
        {
            using var response = await fixture.Gateway.GetAsync("/api/regions");
            using var write = await fixture.Gateway.PostJsonAsync("/api/regions", new { name = "Nedlagd region" });

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("regions", problem.GetProperty("detail").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            await ProblemAssert.IsProblemAsync(write, HttpStatusCode.ServiceUnavailable);
            var (status, body) = await HealthAsync(until: _ => true);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", Status(body));
            var regions = body.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("name").GetString() == "regions");
            Assert.Equal(("Unhealthy", "Unreachable"), (Status(regions), Status(regions.GetProperty("destinations")[0])));
        }
        finally
        {
            await fixture.Platform.RestartAsync("regions");
        }
    }

    [Fact]
    public async Task A_service_that_stops_answering_is_Slow_and_then_Unreachable_on_the_third_probe_in_a_row()
    {
        // SIGSTOP keeps the port open (the kernel still accepts connections) while nothing answers:
        // a service too busy to answer, not one that is down.
        var regions = fixture.Platform.ProcessIdOf("regions") ?? throw new InvalidOperationException("regions is not running.");
        Signal(regions, "STOP");
        var answers = new List<(HttpStatusCode, string?)>();
        var bodies = new List<JsonElement>();
        try
        {
            for (var probe = 0; probe < ProbesBeforeUnreachable; probe++)
            {
                var (status, body) = await HealthAsync(until: _ => true);
                answers.Add((status, Status(Destination(body, "regions"))));
                bodies.Add(body);
            }
        }
        finally
        {
            Signal(regions, "CONT");
        }

        (HttpStatusCode, string?)[] expected = [(HttpStatusCode.OK, "Slow"), (HttpStatusCode.OK, "Slow"), (HttpStatusCode.ServiceUnavailable, "Unreachable")];
        Assert.True(expected.SequenceEqual(answers),
            $"Expected {string.Join(", ", expected)}, saw {string.Join(", ", answers)}: {bodies[0]}\n{await UnhealthyDetailsAsync(bodies[0])}");
        var (_, recovered) = await HealthAsync(until: body => Status(Destination(body, "regions")) is "Healthy" or "Degraded");
        Assert.True(Status(Destination(recovered, "regions")) is "Healthy" or "Degraded", $"regions did not recover: {recovered}");
    }

    [Fact]
    public async Task The_gateway_starts_while_a_service_is_unhealthy_since_its_health_is_the_platforms()
    {
        fixture.Platform.Kill("regions");
        try
        {
            await fixture.Platform.RestartAsync(Topology.Gateway.Name);

            using var gateway = JsonHttp.CreateClient(fixture.Platform.GatewayUrl);
            using var health = await gateway.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var institutions = await gateway.GetAsync("/api/institutions");
            Assert.Equal(HttpStatusCode.OK, institutions.StatusCode);
        }
        finally
        {
            await fixture.Platform.RestartAsync("regions");
        }
    }

    // The gateway's SlowProbes.UnreachableAfter, as a caller reads it in gateway/README.md.
    private const int ProbesBeforeUnreachable = 3;

    private static string? Status(JsonElement element) => element.GetProperty("status").GetString();

    private static JsonElement Destination(JsonElement health, string service) =>
        health.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == service).GetProperty("destinations")[0];

    /// <summary>Each unhealthy service's own /health and what it logged about refusals: why, when the platform is not as expected.</summary>
    private async Task<string> UnhealthyDetailsAsync(JsonElement health)
    {
        using var direct = new HttpClient();
        var details = new List<string>();
        foreach (var service in health.GetProperty("services").EnumerateArray().Where(s => Status(s) == "Unhealthy"))
        {
            var name = service.GetProperty("name").GetString()!;
            // An unhealthy service answers 503 with the reason in its body: read it whatever the status.
            using var response = await direct.GetAsync(new Uri(fixture.Platform.RestUrl(name), "health"));
            var own = await response.Content.ReadAsStringAsync();
            var refusals = fixture.Platform.OutputOf(name).Split('\n').Where(line => line.Contains("refused", StringComparison.OrdinalIgnoreCase) || line.Contains("answered", StringComparison.OrdinalIgnoreCase));
            details.Add($"{name}: {own}\n  {string.Join("\n  ", refusals.TakeLast(5))}");
        }
        return string.Join("\n", details);
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", processId.ToString()]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The gateway's /health, polled for up to 30 s until <paramref name="until"/> holds (the last answer otherwise).</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync(Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await fixture.Gateway.GetAsync("/health");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (until(body) || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, body);
            }
            await Task.Delay(250);
        }
    }
}
