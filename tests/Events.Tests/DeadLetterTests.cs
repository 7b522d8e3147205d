using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.Events.Transports;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>
/// What the platform promises for an event a destination refuses for good (docs/events.md):
/// it is kept as a dead letter, later events still arrive in order, /health is Unhealthy and a
/// metric counts it until an operator re-drives or discards it; other destinations get everything.
/// </summary>
public sealed class DeadLetterTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest)]
    [InlineData(StatusCodes.Status404NotFound)]
    [InlineData(StatusCodes.Status413PayloadTooLarge)]
    [InlineData(StatusCodes.Status422UnprocessableEntity)]
    public async Task An_event_refused_for_good_is_kept_and_the_events_after_it_still_arrive_in_order(int refusal)
    {
        using var metrics = new RelayMetrics();
        // Metrics listeners hear every host in the test process: a name of its own keeps other tests' out.
        var picky = $"picky-{Guid.NewGuid():N}";
        await using var refusing = await TestSubscriberApp.StartAsync(answer: (delivery, _) =>
            delivery.Event.Subject == "f-2" ? Results.StatusCode(refusal) : SubscriberExtensions.Success());
        await using var everything = await TestSubscriberApp.StartAsync();
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber(picky, refusing.Url), RelayHost.Subscriber($"feed-{picky}", everything.Url));

        foreach (var id in new[] { "f-1", "f-2", "f-3", "f-4" })
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated(id)]);
        }
        // In one bulk the events after the refused one are taken in the same request, before
        // the relay has written the dead letter: wait for that too.
        var deadLetters = producer.Services.GetRequiredService<DeadLetters>();
        await Eventually.TrueAsync(async () => refusing.Accepted.Count >= 3 && everything.Accepted.Count >= 4
            && (await deadLetters.ListAsync(null, 10, CancellationToken.None)).Count > 0, "every event but the refused one arrives and the refused one is kept");

        Assert.Equal([1, 3, 4], refusing.Accepted.Select(d => d.Sequence));
        Assert.Equal([1, 2, 3, 4], everything.Accepted.Select(d => d.Sequence));
        var letter = Assert.Single(await deadLetters.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(($"http:{picky}", 2L, "f-2"), (letter.Destination, letter.Sequence, letter.Subject));
        Assert.StartsWith(refusal.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Reason);
        Assert.Equal(CloudEventSequence.Format(2), (string?)letter.CloudEvent["sequence"]);

        var events = (await producer.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["events"];
        Assert.Equal(HealthStatus.Unhealthy, events.Status);
        Assert.Contains($"http:{picky} (1)", events.Description);
        Assert.Equal(1, metrics.Refused($"http:{picky}"));
        Assert.Equal(1, metrics.DeadLetters($"http:{picky}"));
        Assert.Equal(0, metrics.DeadLetters($"http:feed-{picky}"));
    }

    [Theory]
    [InlineData(StatusCodes.Status408RequestTimeout)]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status503ServiceUnavailable)]
    public async Task A_refusal_that_may_pass_later_is_retried_and_never_skipped(int refusal)
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (_, attempt) =>
            attempt <= 3 ? Results.StatusCode(refusal) : SubscriberExtensions.Success());
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("busy", subscriber.Url));

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 2, "both events arrive");

        Assert.Equal([1, 2], subscriber.Accepted.Select(d => d.Sequence));
        Assert.Empty(await producer.Services.GetRequiredService<DeadLetters>().ListAsync(null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_re_driven_dead_letter_reaches_its_destination_and_health_recovers()
    {
        var accepting = false;
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (delivery, _) =>
            delivery.Event.Subject == "f-1" && !Volatile.Read(ref accepting) ? Results.StatusCode(StatusCodes.Status400BadRequest) : SubscriberExtensions.Success());
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("fixed-later", subscriber.Url));
        var deadLetters = producer.Services.GetRequiredService<DeadLetters>();
        var health = producer.Services.GetRequiredService<HealthCheckService>();

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        await Eventually.TrueAsync(async () => subscriber.Accepted.Count >= 1 && (await deadLetters.ListAsync(null, 10, CancellationToken.None)).Count > 0,
            "the event after the refused one arrives and the refused one is kept");
        var letter = Assert.Single(await deadLetters.ListAsync(null, 10, CancellationToken.None));

        var again = await deadLetters.RedriveAsync(letter.Id, CancellationToken.None);
        Assert.Equal(DeliveryOutcome.Refused, again!.Outcome);
        var kept = Assert.Single(await deadLetters.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(2, kept.Attempts);

        Volatile.Write(ref accepting, true);
        var redriven = await deadLetters.RedriveAsync(letter.Id, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, redriven!.Outcome);
        Assert.Equal([2, 1], subscriber.Accepted.Select(d => d.Sequence));
        Assert.Equal(letter.EventId, subscriber.Accepted[1].Event.Id);
        Assert.Empty(await deadLetters.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries["events"].Status);
        Assert.Null(await deadLetters.RedriveAsync(letter.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_a_subject_redacts_its_dead_letters_too()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (_, _) => Results.StatusCode(StatusCodes.Status400BadRequest));
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("refuses-all", subscriber.Url));
        var deadLetters = producer.Services.GetRequiredService<DeadLetters>();
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1", name: "Anna Andersson")]);
        await Eventually.TrueAsync(async () => (await deadLetters.ListAsync(null, 10, CancellationToken.None)).Count == 1, "the event is kept");

        await producer.Outbox.CommitErasureAsync([], SampleForum.Updated("f-1", name: "[erased]"), data => data["displayName"] = "[erased]");

        var letter = (await deadLetters.ListAsync(null, 10, CancellationToken.None))[0];
        Assert.Equal("[erased]", (string?)letter.CloudEvent["data"]!["displayName"]);
        Assert.DoesNotContain("Anna", letter.CloudEvent.ToJsonString());
    }

    [Fact]
    public async Task A_topic_route_takes_an_event_up_to_the_event_limit_whatever_the_request_body_limit()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(maxRequestBodyBytes: 1024 * 1024);
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("small-bodies", subscriber.Url));
        var large = new string('x', EventLimits.MaxEventBytes - 64 * 1024);

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1", name: large)]);
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 1, "the large event is taken");

        Assert.Equal(large, subscriber.Accepted[0].Data.GetProperty("displayName").GetString());
        Assert.Empty(await producer.Services.GetRequiredService<DeadLetters>().ListAsync(null, 10, CancellationToken.None));
    }

    /// <summary>The relay's refusal counter and dead-letter gauge, per destination, as an exporter would read them.</summary>
    private sealed class RelayMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<(string, string), long> _values = [];

        public RelayMetrics()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == EventMetrics.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags, sum: true));
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags, sum: false));
            _listener.Start();
        }

        public long Refused(string destination) => Read("samverkan.events.refused", destination);

        public long DeadLetters(string destination)
        {
            lock (_values)
            {
                _values.Remove(("samverkan.events.dead_letters", destination));
            }
            _listener.RecordObservableInstruments();
            return Read("samverkan.events.dead_letters", destination);
        }

        public void Dispose() => _listener.Dispose();

        private long Read(string instrument, string destination)
        {
            lock (_values)
            {
                return _values.GetValueOrDefault((instrument, destination));
            }
        }

        private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, bool sum)
        {
            var destination = "";
            foreach (var tag in tags)
            {
                destination = tag.Key == "destination" ? tag.Value as string ?? "" : destination;
            }
            lock (_values)
            {
                var key = (instrument.Name, destination);
                _values[key] = sum ? _values.GetValueOrDefault(key) + value : value;
            }
        }
    }
}
