using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Samverkan.Events;
using Samverkan.Events.Relay;
using Samverkan.Events.Subscribing;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Replicas;

/// <summary>
/// Issue 16: every service safe at more than one replica. Two replicas each of Forums,
/// Institutions and Subscriptions on shared SQLite files behind the gateway, written to
/// concurrently while the holders of the relay and webhook leases are killed.
/// </summary>
public sealed class ReplicaTests(ReplicaPlatformFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaPlatformFixture>
{
    // The webhook dispatcher's lease (Samverkan.Subscriptions.Webhooks.WebhookDispatcher.LeaseName; that app cannot be referenced here).
    private const string WebhookLease = "webhooks";
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);
    private readonly HttpClient _gateway = fixture.Gateway;

    /// <summary>The sources of the platform's producers, whose sequences the feed must hold gap-free.</summary>
    private static readonly HashSet<string> Producers = [.. Topics.All.Select(topic => $"/samverkan/{topic}")];

    private static readonly (string Service, string Lease)[] Leases =
    [
        ("forums", RelayRegistration.LeaseName(Topics.Forums)),
        ("institutions", RelayRegistration.LeaseName(Topics.Institutions)),
        ("subscriptions", WebhookLease),
    ];

    [Fact]
    public async Task Killing_the_lease_holders_during_concurrent_writes_loses_nothing_duplicates_nothing_and_keeps_each_producers_order()
    {
        await using var sink = await WebhookSink.StartAsync();
        var start = (await ReadFeedAsync()).Count;
        using (var created = await _gateway.PostJsonAsync("/api/subscriptions", new { url = sink.Url.ToString(), startAfter = start }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        var written = new Written();

        var writers = Task.WhenAll(Enumerable.Range(0, 4).Select(writer => WriteAsync(writer, rounds: 8, written)));
        await Eventually.TrueAsync(() => written.Count >= 8, "some writes are done before the kill");
        var holders = await KillHoldersAsync();
        var takeOvers = await Task.WhenAll(holders.Select(holder => TakeOverAsync(holder.Service, holder.Lease, holder.Grant.Holder, holder.KilledAt)));
        foreach (var (holder, takeOver) in holders.Zip(takeOvers))
        {
            output.WriteLine($"{holder.Lease}: {holder.Replica} killed, taken over after {takeOver.TotalSeconds:0.00} s");
            Assert.True(takeOver <= ReplicaPlatformFixture.LeaseDuration + ReplicaPlatformFixture.RenewInterval + Slack, $"{holder.Lease} taken over after {takeOver}.");
        }
        // The killed replicas come back, so writes that need them over gRPC (the first replica's address) go through again.
        await Task.WhenAll(holders.Select(holder => fixture.Platform.RestartAsync(holder.Replica)));
        await writers;

        var subjects = written.Subjects;
        var feed = await Eventually.GetAsync(async () =>
        {
            var events = await ReadFeedAsync();
            return subjects.All(events.Select(e => e.Subject).ToHashSet().Contains) ? events : null;
        }, "every change written is in the feed");
        var delivered = await Eventually.GetAsync(async () =>
        {
            await Task.Yield();
            var distinct = sink.Received.DistinctBy(r => r.EventId).ToList();
            return distinct.Count >= feed.Count - start ? distinct : null;
        }, "every change in the feed after the subscription's start is delivered to the webhook");

        Assert.Equal(feed.Count, feed.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(n => (long)n), feed.Select(e => e.Position));
        foreach (var producer in feed.Where(e => Producers.Contains(e.Source)).GroupBy(e => e.Source))
        {
            // In order and gap-free per producer: the feed holds 1, 2, 3, ... of each outbox's sequence.
            Assert.Equal(Enumerable.Range(1, producer.Count()).Select(n => (long)n), producer.Select(e => e.Sequence));
        }
        Assert.Equal(feed.Skip(start).Select(e => e.Id), delivered.Select(r => r.EventId));
        Assert.Equal(feed.Skip(start).Select(e => e.Position), delivered.Select(r => r.Position));
        output.WriteLine($"{subjects.Count} entities written, {feed.Count} events in the feed, {sink.Received.Count} webhook deliveries ({sink.Received.Count - delivered.Count} redelivered)");
    }

    [Fact]
    public async Task Events_taken_by_both_Subscriptions_processes_at_once_get_gap_free_feed_positions_and_are_stored_once()
    {
        var source = $"/samverkan/replica-test-{Guid.NewGuid():N}";
        var events = Enumerable.Range(1, 30).Select(n => SyntheticEvent(source, n)).ToList();
        var replicas = fixture.Platform.ReplicasOf("subscriptions").Select(replica =>
        {
            var client = new HttpClient { BaseAddress = fixture.Platform.RestUrl(replica) };
            client.DefaultRequestHeaders.Add(AppApiToken.Header, DevelopmentAuth.LoadOrCreateAppApiToken(fixture.DataDirectory));
            return client;
        }).ToList();

        // Every event goes to both processes at once: a delivery and its redelivery racing each other.
        var answers = await Task.WhenAll(events.SelectMany(json => replicas.Select(async client =>
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, CloudEvent.MediaType);
            using var response = await client.PostAsync($"/events/{Topics.Forums}", content);
            return response.StatusCode;
        })));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var feed = await ReadFeedAsync();
        Assert.Equal(Enumerable.Range(1, feed.Count).Select(n => (long)n), feed.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), feed.Where(e => e.Source == source).Select(e => e.Sequence).Order());
        replicas.ForEach(client => client.Dispose());
    }

    [Fact]
    public async Task Two_processes_writing_one_version_of_an_institution_commit_once_and_refuse_the_rest_with_412()
    {
        var id = await CreateAsync("/api/institutions", new { name = $"Replikerad {Guid.NewGuid():N}", kind = "university" });
        using var read = await _gateway.GetAsync($"/api/institutions/{id}");
        var etag = read.Headers.ETag!.Tag;
        var token = fixture.Token(TokenRequest.Admin);
        var replicas = fixture.Platform.ReplicasOf("institutions").Select(replica => JsonHttp.CreateClient(fixture.Platform.RestUrl(replica), token)).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await replicas[i % 2].SendJsonAsync(HttpMethod.Patch, $"/api/institutions/{id}",
                new { name = $"Ändrad {i} {Guid.NewGuid():N}" }, etag, "application/merge-patch+json");
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(7, answers.Count(status => status == HttpStatusCode.PreconditionFailed));
        replicas.ForEach(client => client.Dispose());
    }

    private async Task<List<(string Service, string Lease, string Replica, Samverkan.Storage.Leases.LeaseGrant Grant, long KilledAt)>> KillHoldersAsync()
    {
        var holders = new List<(string, string, string, Samverkan.Storage.Leases.LeaseGrant, long)>();
        foreach (var (service, lease) in Leases)
        {
            var grant = await Eventually.GetAsync(() => fixture.LeaseAsync(service, lease), $"a replica of {service} holds {lease}");
            var replica = fixture.ReplicaHolding(service, grant);
            fixture.Platform.Kill(replica);
            holders.Add((service, lease, replica, grant, Stopwatch.GetTimestamp()));
        }
        return holders;
    }

    private async Task<TimeSpan> TakeOverAsync(string service, string lease, string killedHolder, long killedAt)
    {
        await Eventually.TrueAsync(async () => await fixture.LeaseAsync(service, lease) is { } grant && grant.Holder != killedHolder,
            $"the other replica of {service} takes {lease}");
        return Stopwatch.GetElapsedTime(killedAt);
    }

    /// <summary>Creates an institution and a forum with it as participant per round, retrying while a replica is down (503 from the gateway).</summary>
    private async Task WriteAsync(int writer, int rounds, Written written)
    {
        for (var round = 0; round < rounds; round++)
        {
            var institution = await CreateAsync("/api/institutions", new { name = $"Replikat {writer}-{round} {Guid.NewGuid():N}", kind = "university" });
            written.Add(institution);
            var forum = await CreateAsync("/api/forums", new
            {
                name = $"Replikatforum {writer}-{round} {Guid.NewGuid():N}",
                regionIds = new[] { "norra" },
                participants = new[] { new { institutionId = institution } },
            });
            written.Add(forum);
        }
    }

    private async Task<string> CreateAsync(string path, object body)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (true)
        {
            try
            {
                using var response = await _gateway.PostJsonAsync(path, body);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                }
                Assert.True((int)response.StatusCode >= 500 && Stopwatch.GetTimestamp() < deadline,
                    $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (Stopwatch.GetTimestamp() < deadline)
            {
                // The gateway's connection to a killed replica broke mid-request.
            }
            await Task.Delay(250);
        }
    }

    private async Task<List<FeedEvent>> ReadFeedAsync()
    {
        var events = new List<FeedEvent>();
        var after = "0";
        while (true)
        {
            var page = await _gateway.GetJsonAsync<JsonElement>($"/api/changes?after={after}&limit=100");
            foreach (var e in page.GetProperty("events").EnumerateArray())
            {
                events.Add(new FeedEvent(e.GetProperty("id").GetString()!, e.GetProperty("source").GetString()!,
                    e.TryGetProperty("subject", out var subject) ? subject.GetString()! : "",
                    CloudEventSequence.Parse(e.GetProperty("sequence").GetString()!), e.GetProperty("position").GetInt64()));
            }
            var next = page.GetProperty("next").GetString()!;
            if (next == after)
            {
                return events;
            }
            after = next;
        }
    }

    /// <summary>A CloudEvent as a producer's relay sends it, from a source of the test's own.</summary>
    private static string SyntheticEvent(string source, long sequence) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["specversion"] = "1.0",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["source"] = source,
        ["type"] = "samverkan.forum.updated.v1",
        ["subject"] = $"replica-test-{sequence}",
        ["time"] = DateTimeOffset.UtcNow,
        ["datacontenttype"] = "application/json",
        ["data"] = new { id = $"replica-test-{sequence}" },
        ["partitionkey"] = $"replica-test-{sequence}",
        ["sequence"] = CloudEventSequence.Format(sequence),
    });

    private sealed record FeedEvent(string Id, string Source, string Subject, long Sequence, long Position);

    /// <summary>The ids of what the writers created, as the gateway answered them.</summary>
    private sealed class Written
    {
        private readonly List<string> _ids = [];

        public int Count
        {
            get
            {
                lock (_ids)
                {
                    return _ids.Count;
                }
            }
        }

        public IReadOnlyList<string> Subjects
        {
            get
            {
                lock (_ids)
                {
                    return [.. _ids];
                }
            }
        }

        public void Add(string id)
        {
            lock (_ids)
            {
                _ids.Add(id);
            }
        }
    }
}
