using System.Text.Json;
using Samverkan.Events.Subscribing;
using Samverkan.Events.Tests.Support;
using Samverkan.Storage;
using Samverkan.Storage.Sqlite;

namespace Samverkan.Events.Tests;

public sealed class ProcessedEventsTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly SqliteDocumentStore _store;

    public ProcessedEventsTests() => _store = new SqliteDocumentStore(_database.Path);

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task The_same_event_delivered_twice_has_its_effect_once()
    {
        await _store.CommitAsync([new InsertDocument("counters", "renames", Count(0), [])]);

        var first = await ApplyIncrementAsync("event-1");
        var second = await ApplyIncrementAsync("event-1");

        Assert.True(first);
        Assert.False(second);
        var counter = (await _store.FindAsync("counters", "renames"))!;
        Assert.Equal(1, JsonDocument.Parse(counter.Json).RootElement.GetProperty("count").GetInt32());
        Assert.Equal(2, counter.Version);
    }

    [Fact]
    public async Task A_repeated_event_writes_nothing_while_a_new_event_applies()
    {
        Assert.True(await ProcessedEvents.ApplyOnceAsync(_store, "event-1", [new InsertDocument("names", "a", "{}", [])]));

        Assert.False(await ProcessedEvents.ApplyOnceAsync(_store, "event-1", [new InsertDocument("names", "b", "{}", [])]));
        Assert.True(await ProcessedEvents.ApplyOnceAsync(_store, "event-2", [new InsertDocument("names", "c", "{}", [])]));

        Assert.Null(await _store.FindAsync("names", "b"));
        Assert.NotNull(await _store.FindAsync("names", "c"));
        Assert.Equal(["event-1", "event-2"],
            await _store.QueryAsync(ProcessedEvents.Collection, new DocumentQuery()).Select(d => d.Id).ToListAsync());
    }

    private async Task<bool> ApplyIncrementAsync(string eventId)
    {
        var counter = (await _store.FindAsync("counters", "renames"))!;
        var count = JsonDocument.Parse(counter.Json).RootElement.GetProperty("count").GetInt32();
        return await ProcessedEvents.ApplyOnceAsync(_store, eventId,
            [new ReplaceDocument("counters", "renames", Count(count + 1), [], counter.Version)]);
    }

    private static string Count(int count) => JsonSerializer.Serialize(new { count });
}
