using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

public sealed class OutboxTrimmingTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Delivered_events_leave_the_outbox_only_once_every_subscriber_has_them()
    {
        var lateIsUp = false;
        await using var early = await TestSubscriberApp.StartAsync();
        await using var late = await TestSubscriberApp.StartAsync(answer: (_, _) =>
            Volatile.Read(ref lateIsUp) ? SubscriberExtensions.Success() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber("early", early.Url), RelayHost.Subscriber("late", late.Url));

        for (var i = 1; i <= 4; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }
        var state = producer.Services.GetRequiredService<RelayState>();
        await Eventually.TrueAsync(() => state.For("http:early").Delivered == 4 && late.Attempts > 1, "one subscriber has everything");
        Assert.Equal(4, (await producer.OutboxRecordsAsync()).Count);

        Volatile.Write(ref lateIsUp, true);
        await Eventually.TrueAsync(async () => (await producer.OutboxRecordsAsync()).Count == 0, "the outbox is empty");
        Assert.Equal([1, 2, 3, 4], late.Accepted.Select(d => d.Sequence));
    }

    [Fact]
    public async Task With_subscribers_that_keep_up_the_outbox_empties_after_every_write()
    {
        await using var first = await TestSubscriberApp.StartAsync();
        await using var second = await TestSubscriberApp.StartAsync();
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber("first", first.Url), RelayHost.Subscriber("second", second.Url));

        for (var i = 1; i <= 20; i++)
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
            await Eventually.TrueAsync(() => first.Accepted.Count == i && second.Accepted.Count == i, $"both have event {i}");
            await Eventually.TrueAsync(async () => (await producer.OutboxRecordsAsync()).Count == 0, $"event {i} left the outbox",
                TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public async Task With_no_subscribers_configured_the_outbox_is_emptied()
    {
        await using var producer = await RelayHost.StartAsync(_database.Path);

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1"), SampleForum.Updated("f-2")]);

        await Eventually.TrueAsync(async () => (await producer.OutboxRecordsAsync()).Count == 0, "the outbox is empty");
    }

    [Fact]
    public async Task Redacting_pending_events_rewrites_only_that_subjects_events_and_the_redacted_form_is_what_is_delivered()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync();
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("reader", subscriber.Url));
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1", "Anna Andersson")]);
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-2", "Bertil Berg")]);
        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1", "Anna Nilsson")]);
        var untouched = (await producer.OutboxRecordsAsync())[1];

        var writes = await producer.Outbox.RedactPendingAsync("f-1", data => data["displayName"] = "[erased]", CancellationToken.None);
        await producer.Store.CommitAsync(writes);

        Assert.Equal(2, writes.Count);
        var records = await producer.OutboxRecordsAsync();
        Assert.Equal(["[erased]", "Bertil Berg", "[erased]"], records.Select(r => (string?)JsonNode.Parse(r.Json)!["data"]!["displayName"]));
        Assert.Equal(untouched, records[1]);
        Assert.Equal(["f-1", "f-2", "f-1"], records.Select(r => CloudEvent.Parse(r.Json).Subject));

        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 3, "the three events are delivered");
        Assert.Equal(["[erased]", "Bertil Berg", "[erased]"], subscriber.Accepted.Select(d => d.Data.GetProperty("displayName").GetString()));
        Assert.Equal([1, 2, 3], subscriber.Accepted.Select(d => d.Sequence));
    }
}
