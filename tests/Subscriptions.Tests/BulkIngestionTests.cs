using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contacts.Events;
using Samverkan.Events;
using Samverkan.Storage.Sqlite;
using Samverkan.Subscriptions.Feed;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>A bulk of events into the feed on a real SQLite file: in order, once each, erasures redacting what came before them in the same bulk.</summary>
public sealed class BulkIngestionTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("bulk-ingestion");
    private readonly SqliteDocumentStore _store;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ChangeFeed _feed;

    public BulkIngestionTests()
    {
        _store = new SqliteDocumentStore(Path.Combine(_data.Path, "subscriptions.db"));
        _feed = new ChangeFeed(_store, new FeedSignal(), new FeedTelemetry(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), TimeProvider.System);
    }

    public void Dispose()
    {
        _store.Dispose();
        _services.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_bulk_is_appended_in_order_and_a_redelivered_bulk_adds_nothing()
    {
        var events = Enumerable.Range(1, 5).Select(i => Event("samverkan.forum.updated.v1", $"f-{i}", new { id = $"f-{i}" })).ToList();

        await _feed.AppendAllAsync(events, default);
        await _feed.AppendAllAsync([events[3], events[4], Event("samverkan.forum.updated.v1", "f-6", new { id = "f-6" })], default);

        var page = await _feed.ReadAsync(0, 100, TypeFilter.All, default);
        Assert.Equal(["f-1", "f-2", "f-3", "f-4", "f-5", "f-6"], page.Entries.Select(e => e.Event["subject"]!.GetValue<string>()));
        Assert.Equal([1L, 2, 3, 4, 5, 6], page.Entries.Select(e => e.Position));
    }

    [Fact]
    public async Task An_erasure_in_a_bulk_redacts_the_contacts_events_before_it_in_the_same_bulk()
    {
        var person = new { name = "Bulk Person", email = "bulk@example.se" };
        var created = Event(ContactEvents.Created, "c-1", new { id = "c-1", person });
        var other = Event(ContactEvents.Created, "c-2", new { id = "c-2", person });
        var erased = Event(ContactEvents.Erased, "c-1", new { id = "c-1", deleted = true });

        await _feed.AppendAllAsync([created, other, erased], default);

        var entries = (await _feed.ReadAsync(0, 100, TypeFilter.All, default)).Entries;
        Assert.Equal([ContactEvents.Created, ContactEvents.Created, ContactEvents.Erased], entries.Select(e => e.Type));
        Assert.Null(entries[0].Event["data"]!["person"]);
        Assert.Equal("Bulk Person", entries[1].Event["data"]!["person"]!["name"]!.GetValue<string>());
    }

    private static CloudEvent Event(string type, string subject, object data) => new(
        "1.0", Guid.NewGuid().ToString(), "/samverkan/test", type, subject, DateTimeOffset.UtcNow, "application/json",
        JsonSerializer.SerializeToElement(data), subject, TraceParent: null, Sequence: null);
}
