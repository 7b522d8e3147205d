using System.Net;
using System.Text;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

[Collection(FeedCollection.Name)]
public class ChangeFeedTests(FeedFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_write_through_institutions_appears_in_the_feed_with_type_subject_data_and_sequence()
    {
        var id = await fixture.CreateInstitutionAsync("Högskolan i Flödet");

        var change = await _client.WaitForChangeAsync(id);

        Assert.Equal("1.0", change.GetProperty("specversion").GetString());
        Assert.Equal("samverkan.institution.created.v1", change.GetProperty("type").GetString());
        Assert.Equal("/samverkan/institutions", change.GetProperty("source").GetString());
        Assert.Equal(id, change.GetProperty("subject").GetString());
        Assert.Equal(id, change.GetProperty("partitionkey").GetString());
        Assert.Equal(id, change.GetProperty("data").GetProperty("id").GetString());
        Assert.StartsWith("Högskolan i Flödet", change.GetProperty("data").GetProperty("name").GetString());
        Assert.True(long.Parse(change.GetProperty("sequence").GetString()!) > 0);
        Assert.True(change.GetProperty("position").GetInt64() > 0);
    }

    [Fact]
    public async Task Paging_from_the_start_returns_every_event_once_in_order_with_consecutive_positions()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await fixture.CreateInstitutionAsync("Högskolan i Sidan"));
        }
        await _client.WaitForChangeAsync(created[^1]);

        var events = await _client.ReadChangesAsync(limit: 7);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(p => (long)p), events.Select(e => e.GetProperty("position").GetInt64()));
        Assert.Equal(events.Count, events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        // Each producer's sequence is gap-free from 1, and the feed keeps every producer's order.
        foreach (var source in events.GroupBy(e => e.GetProperty("source").GetString()))
        {
            var sequences = source.Select(e => long.Parse(e.GetProperty("sequence").GetString()!)).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(s => (long)s), sequences);
        }
        Assert.All(created, id => Assert.Single(events, e => e.GetProperty("subject").GetString() == id));
    }

    [Fact]
    public async Task A_types_filter_with_a_trailing_wildcard_returns_only_the_matching_types()
    {
        var id = await fixture.CreateInstitutionAsync("Högskolan i Filtret");
        await _client.WaitForChangeAsync(id);

        var regions = await _client.ReadChangesAsync("samverkan.region.*");
        var mixed = await _client.ReadChangesAsync("samverkan.region.*,samverkan.institution.created.v1");

        Assert.NotEmpty(regions);
        Assert.All(regions, e => Assert.StartsWith("samverkan.region.", e.GetProperty("type").GetString()));
        Assert.Contains(mixed, e => e.GetProperty("subject").GetString() == id);
        Assert.All(mixed, e => Assert.True(
            e.GetProperty("type").GetString()!.StartsWith("samverkan.region.", StringComparison.Ordinal)
            || e.GetProperty("type").GetString() == "samverkan.institution.created.v1"));
        Assert.Equal(mixed.Select(e => e.GetProperty("position").GetInt64()).Order(), mixed.Select(e => e.GetProperty("position").GetInt64()));
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("after=999999999", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("types=samverkan.*.created", "types")]
    [InlineData("types=samverkan.forum.*,%20", "types")]
    public async Task A_bad_feed_query_is_a_problem_naming_the_field(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/changes?{query}");

        await ProblemAssert.NamesFieldsAsync(response, field);
    }

    [Fact]
    public async Task The_same_cloud_event_posted_twice_to_the_institutions_route_is_stored_once()
    {
        var id = Guid.NewGuid().ToString("N");
        var subject = $"prov-{id}";
        var cloudEvent = JsonSerializer.Serialize(new
        {
            specversion = "1.0",
            id,
            source = $"/tests/{id}",
            type = "samverkan.institution.updated.v1",
            subject,
            time = DateTimeOffset.UtcNow,
            datacontenttype = "application/json",
            data = new { id = subject, name = "Dubbel leverans" },
            partitionkey = subject,
            sequence = "1",
        });

        for (var delivery = 0; delivery < 2; delivery++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/events/institutions")
            {
                Content = new StringContent(cloudEvent, Encoding.UTF8, "application/cloudevents+json"),
            };
            // Delivered the way the relay does it, with the platform's app API token.
            request.Headers.Add("dapr-api-token", DevelopmentAuth.LoadOrCreateAppApiToken(fixture.DataDirectory));
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("SUCCESS", (await response.ReadJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var stored = Assert.Single(await _client.ReadChangesAsync(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(subject, stored.GetProperty("subject").GetString());
        Assert.Equal("1", stored.GetProperty("sequence").GetString());
        Assert.Equal("Dubbel leverans", stored.GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_service_subscribes_to_every_producer_topic_with_a_dead_letter_topic()
    {
        var subscriptions = await _client.GetJsonAsync<List<JsonElement>>("/dapr/subscribe");

        Assert.Equal(["contacts", "forums", "institutions", "regions"],
            subscriptions.Select(s => s.GetProperty("topic").GetString()).Order(StringComparer.Ordinal));
        Assert.All(subscriptions, s => Assert.Equal(s.GetProperty("topic").GetString() + "-deadletter", s.GetProperty("deadLetterTopic").GetString()));
    }
}
