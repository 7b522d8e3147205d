using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Samverkan.Events.Dapr;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

public sealed class HttpDeliveryTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_subscriber_receives_every_event_in_order_exactly_as_the_outbox_holds_it_with_its_sequence()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync();
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("forums-reader", subscriber.Url));
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);
        foreach (var id in new[] { "f-3", "f-4", "f-5" })
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated(id)]);
        }
        var stored = (await producer.OutboxRecordsAsync()).ToDictionary(r => SequenceId.Parse(r.Id), r => JsonNode.Parse(r.Json)!.AsObject());

        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 5, "five events are delivered");

        var deliveries = subscriber.Accepted;
        Assert.Equal([1, 2, 3, 4, 5], deliveries.Select(d => d.Sequence));
        Assert.Equal(["f-1", "f-2", "f-3", "f-4", "f-5"], deliveries.Select(d => d.Event.Subject));
        foreach (var delivery in deliveries)
        {
            var expected = stored[delivery.Sequence];
            expected["sequence"] = CloudEventSequence.Format(delivery.Sequence);
            Assert.StartsWith(CloudEvent.MediaType, delivery.ContentType);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(delivery.Body)), $"Sent {delivery.Body}, stored {expected}");

            var headers = delivery.CloudEventHeaders;
            Assert.Equal(expected["id"]!.GetValue<string>(), headers["id"]);
            Assert.Equal(expected["type"]!.GetValue<string>(), headers["type"]);
            Assert.Equal(expected["subject"]!.GetValue<string>(), headers["subject"]);
            Assert.Equal(expected["source"]!.GetValue<string>(), headers["source"]);
            Assert.Equal(expected["partitionkey"]!.GetValue<string>(), headers["partitionkey"]);
            Assert.Equal(CloudEventSequence.Format(delivery.Sequence), headers["sequence"]);
            Assert.Equal(expected["time"]!.GetValue<DateTimeOffset>(), delivery.Event.Time);
            Assert.True(JsonNode.DeepEquals(expected["data"], JsonNode.Parse(delivery.Data.GetRawText())));
        }
    }

    [Fact]
    public async Task A_subscriber_that_fails_for_a_while_gets_everything_in_order_once_it_recovers()
    {
        const int failures = 5;
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (_, attempt) =>
            attempt <= failures ? Results.StatusCode(StatusCodes.Status500InternalServerError) : SubscriberExtensions.Success());
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("flaky", subscriber.Url));

        for (var i = 1; i <= 6; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 6, "all six events are taken");

        Assert.Equal([1, 2, 3, 4, 5, 6], subscriber.Accepted.Select(d => d.Sequence));
        Assert.Equal(6 + failures, subscriber.Attempts);
    }

    [Fact]
    public async Task An_event_the_subscriber_drops_becomes_a_dead_letter_and_delivery_goes_on()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(answer: (delivery, _) =>
            delivery.Event.Subject == "f-2" ? TestSubscriberApp.Status("DROP") : SubscriberExtensions.Success());
        await using var producer = await RelayHost.StartAsync(_database.Path, RelayHost.Subscriber("picky", subscriber.Url));

        var dropped = producer.Outbox.Append(SampleForum.Updated("f-2"));
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1")]);
        await producer.Store.CommitAsync([dropped]);
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-3")]);
        await Eventually.TrueAsync(async () => subscriber.Accepted.Count >= 2 && await producer.Store.QueryAsync("_deadletters", new DocumentQuery()).AnyAsync(),
            "the events around the dropped one are taken and the dropped one is kept");

        Assert.Equal([1, 3], subscriber.Accepted.Select(d => d.Sequence));
        var letter = JsonNode.Parse(Assert.Single(await producer.Store.QueryAsync("_deadletters", new DocumentQuery()).ToListAsync()).Json)!;
        Assert.Equal("http:picky", (string?)letter["destination"]);
        Assert.Equal(2, (long)letter["sequence"]!);
        Assert.Equal(CloudEvent.Parse(dropped.Json).Id, (string?)letter["cloudEvent"]!["id"]);
        Assert.Equal(CloudEventSequence.Format(2), (string?)letter["cloudEvent"]!["sequence"]);
    }

    [Fact]
    public async Task The_delivery_continues_the_trace_of_the_write()
    {
        RelayTracing.Listen();
        await using var subscriber = await TestSubscriberApp.StartAsync();
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("traced", subscriber.Url));
        ActivityTraceId writeTrace;
        string writeId;
        using (var write = RelayTracing.StartWrite())
        {
            (writeTrace, writeId) = (write.TraceId, write.Id!);
            await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1")]);
        }

        // Started outside the write, so nothing but the event itself can carry its trace to the relay.
        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 1, "the event is delivered");

        var delivery = subscriber.Accepted[0];
        Assert.Equal(writeId, (string?)JsonNode.Parse(delivery.Body)!["traceparent"]);
        Assert.NotNull(delivery.TraceParentHeader);
        Assert.True(ActivityContext.TryParse(delivery.TraceParentHeader, null, out var context));
        Assert.Equal(writeTrace, context.TraceId);
        Assert.Equal(delivery.TraceParentHeader, delivery.Event.TraceParent);
    }
}
