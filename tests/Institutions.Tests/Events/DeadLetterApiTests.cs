using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests.Events;

/// <summary>
/// An event a subscriber refuses for good, seen from the operator's side on a real service: it
/// is kept, /health says Unhealthy (and the service still starts with it) while /ready, the
/// readiness probe, keeps the replica in rotation, and it can be listed, re-driven and discarded
/// by national staff only.
/// </summary>
public sealed class DeadLetterApiTests(DeadLetterFixture fixture) : IClassFixture<DeadLetterFixture>
{
    [Fact]
    public async Task A_refused_event_is_kept_makes_health_unhealthy_survives_a_restart_and_is_re_driven_by_an_operator()
    {
        var refused = await CreateAsync($"{RefusingSubscriber.RefusedMarker} {Guid.NewGuid():N}");
        var after = await CreateAsync($"Mottas {Guid.NewGuid():N}");
        await Eventually.TrueAsync(() => fixture.Subscriber.Taken.Any(e => e.Subject == after), "the event after the refused one arrives");

        var letter = Assert.Single(await ListAsync(), l => l.GetProperty("subject").GetString() == refused);
        Assert.Equal("http:refuser", letter.GetProperty("destination").GetString());
        Assert.StartsWith("400", letter.GetProperty("reason").GetString());
        await AssertUnhealthyNamingAsync("http:refuser");
        await AssertStillReadyAsync();

        await fixture.Platform.RestartAsync("institutions");
        Assert.Single(await ListAsync(), l => l.GetProperty("subject").GetString() == refused);

        fixture.Subscriber.AcceptEverything();
        using var redrive = await fixture.Client.PostAsync($"/events/dead-letters/{letter.GetProperty("id").GetString()}/redrive", null);

        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        Assert.Contains(fixture.Subscriber.Taken, e => e.EventId == letter.GetProperty("eventId").GetString());
        Assert.DoesNotContain(await ListAsync(), l => l.GetProperty("subject").GetString() == refused);
        using var health = await fixture.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Only_national_staff_see_and_handle_dead_letters()
    {
        using var anonymous = await fixture.AnonymousClient.GetAsync("/events/dead-letters");
        using var editor = await fixture.ClientAs(TokenRequest.Editor("umea-universitet")).GetAsync("/events/dead-letters");
        using var discard = await fixture.ClientAs(TokenRequest.Editor("umea-universitet")).DeleteAsync("/events/dead-letters/http:refuser:1");
        using var missing = await fixture.Client.PostAsync("/events/dead-letters/http:refuser:999999/redrive", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, discard.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> CreateAsync(string name)
    {
        using var response = await fixture.Client.PostJsonAsync("/api/institutions", new { name, kind = "university" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync()
    {
        var page = await fixture.Client.GetJsonAsync<JsonElement>("/events/dead-letters");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    // A dead letter needs an operator, not fewer replicas: /ready leaves the events check out and keeps the store's.
    private async Task AssertStillReadyAsync()
    {
        using var response = await fixture.Client.GetAsync("/ready");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(checks.TryGetProperty("events", out _), "/ready reports the events check");
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }

    private async Task AssertUnhealthyNamingAsync(string destination)
    {
        using var response = await fixture.Client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var events = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("events");
        Assert.Equal("Unhealthy", events.GetProperty("status").GetString());
        Assert.Contains(destination, events.GetProperty("description").GetString());
    }
}
