using System.Net;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

[Collection(WebhookCollection.Name)]
public class SubscriptionsApiTests(WebhookFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Creating_a_subscription_answers_201_with_version_etag_and_starts_at_the_end_of_the_feed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var end = await _client.FeedEndAsync();

        var (created, etag) = await _client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.*" }, description = "Prov" });

        Assert.Equal("\"1\"", etag);
        Assert.Equal(1, created.GetProperty("version").GetInt64());
        Assert.True(created.GetProperty("enabled").GetBoolean());
        Assert.Equal("Prov", created.GetProperty("description").GetString());
        var start = created.GetProperty("delivery").GetProperty("position").GetInt64();
        Assert.True(start >= end);
        // Barrier: the subscription delivers in feed order, so once an event written now has
        // arrived, any event from before its start would have arrived first.
        var marker = await fixture.CreateInstitutionAsync("Högskolan efter Starten");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == marker), "the event written after the subscription");
        Assert.All(receiver.Received, r => Assert.True(r.Position > start, $"{r.Subject} at {r.Position} is from before the start at {start}"));
    }

    [Fact]
    public async Task A_subscription_starting_at_the_beginning_gets_the_whole_feed_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var end = await _client.FeedEndAsync();

        await _client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), startAfter = "beginning" });

        await receiver.WaitUntilAsync(received => received.Count >= end, "the whole feed");
        Assert.Equal(Enumerable.Range(1, (int)end).Select(p => (long)p), receiver.Received.Take((int)end).Select(r => r.Position));
    }

    [Fact]
    public async Task Invalid_fields_are_a_problem_naming_each_field()
    {
        using var missing = await _client.PostJsonAsync("/api/subscriptions", new { types = new[] { "samverkan.*.v1", "ok.type" }, description = new string('x', 501) });
        await ProblemAssert.NamesFieldsAsync(missing, "url", "types[0]", "description");

        using var notAUrl = await _client.PostJsonAsync("/api/subscriptions", new { url = "partner.example/hook" });
        await ProblemAssert.NamesFieldsAsync(notAUrl, "url");

        using var unknown = await _client.PostJsonAsync("/api/subscriptions", new { url = "https://partner.example/hook", secret = "whsec_mine" });
        await ProblemAssert.NamesFieldsAsync(unknown, "secret");

        using var beyond = await _client.PostJsonAsync("/api/subscriptions", new { url = "https://partner.example/hook", startAfter = 999_999_999 });
        await ProblemAssert.NamesFieldsAsync(beyond, "startAfter");
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_the_subscription_is_unchanged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (created, etag) = await _client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), description = "Före" });
        var id = created.GetProperty("id").GetString()!;
        using (var first = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{id}", new { description = "Efter" }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        }

        using var stale = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{id}", new { description = "Förlorad" }, etag);

        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Efter", (await _client.GetSubscriptionAsync(id)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_sent_and_types_filter_later_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (created, _) = await _client.CreateSubscriptionAsync(new { url = receiver.Url.ToString(), types = new[] { "samverkan.region.*" }, description = "Kvar" });
        var id = created.GetProperty("id").GetString()!;

        using var patched = await _client.SendJsonAsync(HttpMethod.Patch, $"/api/subscriptions/{id}", new { types = new[] { "samverkan.institution.created.v1" } });
        var body = await patched.ReadJsonAsync<JsonElement>();
        Assert.Equal("Kvar", body.GetProperty("description").GetString());
        Assert.Equal(["samverkan.institution.created.v1"], body.GetProperty("types").EnumerateArray().Select(t => t.GetString()));

        var institution = await fixture.CreateInstitutionAsync("Högskolan i Urvalet");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == institution), "the delivery of the newly chosen type");
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_and_gets_no_more_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var witness = await WebhookReceiver.StartAsync();
        var (id, _) = await _client.SubscribeAsync(receiver, "samverkan.institution.*");
        await _client.SubscribeAsync(witness, "samverkan.institution.*");

        using (var deleted = await _client.DeleteAsync($"/api/subscriptions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        var after = await fixture.CreateInstitutionAsync("Högskolan efter Avslutet");

        using var gone = await _client.GetAsync($"/api/subscriptions/{id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound);
        // Barrier: a live subscription to the same events has been handed the event, and then one
        // written after it, so the dispatcher has had its chance to deliver both to the deleted one.
        var marker = await fixture.CreateInstitutionAsync("Högskolan efter Avslutet");
        await witness.WaitUntilAsync(received => received.Any(r => r.Subject == after) && received.Any(r => r.Subject == marker), "both events at the live subscription");
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_replay_forward_or_with_both_or_neither_of_after_and_since_is_refused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await _client.SubscribeAsync(receiver);

        using var forward = await _client.PostJsonAsync($"/api/subscriptions/{id}/replay", new { after = 999_999_999 });
        await ProblemAssert.NamesFieldsAsync(forward, "after");
        using var both = await _client.PostJsonAsync($"/api/subscriptions/{id}/replay", new { after = 1, since = DateTimeOffset.UtcNow });
        await ProblemAssert.NamesFieldsAsync(both, "after");
        using var neither = await _client.PostJsonAsync($"/api/subscriptions/{id}/replay", new { });
        await ProblemAssert.NamesFieldsAsync(neither, "after");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/ping")]
    [InlineData("POST", "/replay")]
    [InlineData("POST", "/secret/rotate")]
    [InlineData("GET", "/deliveries")]
    public async Task An_unknown_subscription_is_a_404_problem(string method, string suffix)
    {
        object? body = method is "PATCH" ? new { description = "x" } : suffix == "/replay" ? new { after = 0 } : method == "POST" ? new { } : null;
        using var response = await _client.SendJsonAsync(new HttpMethod(method), $"/api/subscriptions/sub_missing{suffix}", body);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
