using System.Net;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.ReadModel;
using Samverkan.TestSupport;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// Events that stop arriving leave no gap (a gap shows only when a later event arrives): the
/// model notices by asking the producers how far they have written, and mends it by a snapshot.
/// </summary>
public sealed class StalledEventsTests(StalledEventsTests.StalledRelayFixture fixture) : IClassFixture<StalledEventsTests.StalledRelayFixture>
{
    /// <summary>Every producer relays its events to an address where no Coverage listens: nothing arrives, and nothing says so.</summary>
    public sealed class StalledRelayFixture() : InProcessServiceFixture<Program>("coverage", "regions", "institutions", "forums", "contacts")
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Events__Subscribers__coverage"] = "http://127.0.0.1:9",
            ["Coverage__ReadModel__LagCheckInterval"] = "00:00:00.200",
            ["Coverage__ReadModel__LagGrace"] = "00:00:01",
        };
    }

    [Fact]
    public async Task A_meeting_whose_event_never_arrives_is_in_the_answer_after_the_lag_grace()
    {
        var forums = fixture.ClientFor("forums");
        using (var response = await forums.SendJsonAsync(HttpMethod.Post, "/api/forums/samverkansmote-sydostra/meetings", new { on = "2019-03-14" }, "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var answer = await Eventually.GetAsync(
            async () => await fixture.Client.GetJsonAsync<RegionCoverage>("/api/coverage/regions/sydostra?include=matrix&asOf=2019-03-14") is { HasPrimaryForum: true } coverage ? coverage : null,
            "the meeting of 2019-03-14 in Sydöstra's coverage, by a snapshot");
        Assert.Equal(["samverkansmote-sydostra"], answer.PrimaryForums.Select(f => f.Id));
        var forumsPosition = answer.ReadModel!.Producers.Single(p => p.Producer == "forums");
        Assert.Null(forumsPosition.LastEventAt);
    }

    [Fact]
    public void Behind_is_stalled_only_when_a_position_the_producer_had_stays_unreached_for_the_grace()
    {
        var watch = new LagWatch();
        var start = DateTimeOffset.Parse("2026-12-03T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var grace = TimeSpan.FromMinutes(2);

        Assert.False(watch.Stalled("forums", producer: 10, model: 10, start, grace));
        Assert.False(watch.Stalled("forums", producer: 20, model: 10, start, grace));
        // Catching up: the model reached 20 (what it lacked), the producer wrote on: flowing, the clock starts again.
        Assert.False(watch.Stalled("forums", producer: 30, model: 25, start + grace, grace));
        Assert.False(watch.Stalled("forums", producer: 30, model: 25, start + grace + TimeSpan.FromMinutes(1), grace));
        Assert.True(watch.Stalled("forums", producer: 31, model: 25, start + grace + grace, grace));
        // Other producers are watched on their own.
        Assert.False(watch.Stalled("contacts", producer: 5, model: 1, start + grace + grace, grace));
        watch.Reset("forums");
        Assert.False(watch.Stalled("forums", producer: 31, model: 25, start + grace + grace + grace, grace));
    }
}
