using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Events.Outbox;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;

namespace Samverkan.Events.Tests;

public sealed class OutboxTests : IDisposable
{
    private const string Forums = "forums";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_commit_stores_the_change_and_its_event_together()
    {
        await using var producer = RelayHost.Build(_database.Path);

        await producer.Outbox.CommitAsync(Insert("f-1"), SampleForum.Updated("f-1"));

        Assert.NotNull(await producer.Store.FindAsync(Forums, "f-1"));
        var record = Assert.Single(await producer.OutboxRecordsAsync());
        Assert.Equal("f-1", CloudEvent.Parse(record.Json).Subject);
    }

    [Fact]
    public async Task A_commit_whose_document_write_fails_stores_no_event_and_the_next_events_keep_the_numbers_consecutive()
    {
        await using var producer = RelayHost.Build(_database.Path);
        var versions = await producer.Outbox.CommitAsync(Insert("f-1"), SampleForum.Updated("f-1"));

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => producer.Outbox.CommitAsync(Insert("f-1"), SampleForum.Updated("f-1")));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => producer.Outbox.CommitAsync(
            new ReplaceDocument(Forums, "f-1", "{}", [], versions[0] + 1), SampleForum.Updated("f-1", "Stale")));
        await producer.Outbox.CommitAsync([Insert("f-2"), Insert("f-3")], [SampleForum.Updated("f-2"), SampleForum.Updated("f-3")]);

        var records = await producer.OutboxRecordsAsync();
        Assert.Equal([1L, 2L, 3L], records.Select(r => SequenceId.Parse(r.Id)));
        Assert.Equal(["f-1", "f-2", "f-3"], records.Select(r => CloudEvent.Parse(r.Json).Subject));
        Assert.Equal(3, records.Select(r => CloudEvent.Parse(r.Json).Id).Distinct().Count());
        Assert.DoesNotContain(records, r => CloudEvent.Parse(r.Json).Data.GetProperty("displayName").GetString() == "Stale");
        Assert.Equal(1, (await producer.Store.FindAsync(Forums, "f-1"))!.Version);
    }

    [Fact]
    public async Task The_event_is_a_CloudEvent_with_the_resource_as_camel_case_data_and_enums_as_strings()
    {
        await using var producer = RelayHost.Build(_database.Path);
        var before = DateTimeOffset.UtcNow;

        await producer.Outbox.CommitAsync(Insert("f-9"), SampleForum.Updated("f-9", "Samverkan Norr", ForumState.LongDormant));

        var after = DateTimeOffset.UtcNow;
        var json = JsonNode.Parse(Assert.Single(await producer.OutboxRecordsAsync()).Json)!.AsObject();
        Assert.Equal("1.0", (string?)json["specversion"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["id"]));
        Assert.Equal("/samverkan/forums", (string?)json["source"]);
        Assert.Equal("samverkan.forum.updated.v1", (string?)json["type"]);
        Assert.Equal("f-9", (string?)json["subject"]);
        Assert.InRange(json["time"]!.GetValue<DateTimeOffset>(), before, after);
        Assert.Equal("application/json", (string?)json["datacontenttype"]);
        Assert.Equal("f-9", (string?)json["partitionkey"]);
        Assert.False(json.ContainsKey("traceparent"), "No activity was running, so there is no trace to continue.");
        var expectedData = JsonNode.Parse("""{"id":"f-9","displayName":"Samverkan Norr","state":"longDormant","version":1}""");
        Assert.True(JsonNode.DeepEquals(expectedData, json["data"]), json["data"]!.ToJsonString());
    }

    [Fact]
    public async Task The_event_carries_the_traceparent_of_the_activity_running_at_the_write()
    {
        await using var producer = RelayHost.Build(_database.Path);
        string writeId;
        using (var write = RelayTracing.StartWrite())
        {
            writeId = write.Id!;
            await producer.Outbox.CommitAsync(Insert("f-1"), SampleForum.Updated("f-1"));
        }

        var cloudEvent = CloudEvent.Parse(Assert.Single(await producer.OutboxRecordsAsync()).Json);
        Assert.Equal(writeId, cloudEvent.TraceParent);
        Assert.True(ActivityContext.TryParse(cloudEvent.TraceParent, null, out _));
    }

    [Fact]
    public async Task A_commit_wakes_the_relay_at_once()
    {
        await using var producer = RelayHost.Build(_database.Path);
        var pulsed = SignalWaiting.WaitAnyAsync(TimeSpan.FromMinutes(1), CancellationToken.None, producer.Services.GetRequiredService<OutboxSignal>().Next);

        await producer.Outbox.CommitAsync(Insert("f-1"), SampleForum.Updated("f-1"));

        Assert.Same(pulsed, await Task.WhenAny(pulsed, Task.Delay(TimeSpan.FromSeconds(5))));
    }

    private static InsertDocument Insert(string id) => new(Forums, id, $$"""{"id":"{{id}}"}""", []);
}
