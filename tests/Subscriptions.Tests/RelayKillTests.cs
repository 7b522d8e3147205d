using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Samverkan.Events;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// The relay is a real process (Institutions) killed with SIGKILL while it delivers a backlog to
/// the change feed in bulks: after its restart every event arrives, none skipped, in order.
/// </summary>
public class RelayKillTests(RelayKillFixture fixture) : IClassFixture<RelayKillFixture>
{
    private const int Backlog = 1500;

    [Fact]
    public async Task Killing_the_relay_in_the_middle_of_a_bulk_loses_skips_and_reorders_nothing()
    {
        var start = await fixture.Client.FeedEndAsync();
        // With Subscriptions down the backlog waits in the Institutions outbox.
        fixture.Platform.Kill("subscriptions");
        var created = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, Backlog, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => created.Add(await fixture.CreateInstitutionAsync($"Högskolan i Eftersläpningen {i}")));
        await fixture.Platform.RestartAsync("subscriptions");

        // Once the first bulks are in, freeze the subscriber so that the relay has a bulk in flight
        // (sent, maybe taken, its answer not yet read), kill the relay, and let the subscriber go on.
        await Eventually.TrueAsync(async () => await fixture.Client.FeedEndAsync() > start + RelayKillFixture.BatchSize, "the first bulks in the feed",
            timeout: TimeSpan.FromSeconds(30));
        var subscriptions = fixture.Platform.ProcessIdOf("subscriptions") ?? throw new InvalidOperationException("subscriptions is not running.");
        Signal(subscriptions, "STOP");
        try
        {
            fixture.Platform.Kill("institutions");
        }
        finally
        {
            Signal(subscriptions, "CONT");
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        var deliveredBeforeKill = await fixture.Client.FeedEndAsync() - start;
        Assert.True(deliveredBeforeKill < Backlog, $"The relay was killed after it had delivered the whole backlog ({deliveredBeforeKill}): nothing was tested.");
        TestContext.Current.TestOutputHelper?.WriteLine($"Killed the relay with {deliveredBeforeKill} of {Backlog} events in the feed.");

        await fixture.Platform.RestartAsync("institutions");
        var feed = await Eventually.GetAsync(async () =>
        {
            var events = await fixture.Client.ReadChangesAsync("samverkan.institution.*", after: start.ToString(CultureInfo.InvariantCulture));
            var subjects = events.Select(e => e.GetProperty("subject").GetString()).ToHashSet();
            return created.All(subjects.Contains) ? events : null;
        }, "every institution of the backlog in the feed", timeout: TimeSpan.FromSeconds(90));

        // The feed holds each event once (a bulk taken before the kill and sent again is not appended
        // twice), and the producer's sequences follow each other without a gap, in order.
        Assert.Equal(feed.Count, feed.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(created, id => Assert.Single(feed, e => e.GetProperty("subject").GetString() == id));
        var sequences = feed.Select(e => CloudEventSequence.Parse(e.GetProperty("sequence").GetString()!)).ToList();
        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + i), sequences);
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
