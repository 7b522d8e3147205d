using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

[Collection(FeedCollection.Name)]
public class ChangeStreamTests(FeedFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client = fixture.Client;

    private async Task<(HttpResponseMessage Response, EventStreamReader Events)> OpenAsync(string query, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/changes/stream?{query}");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return (response, new EventStreamReader(await response.Content.ReadAsStreamAsync()));
    }

    private static async Task<ServerSentEvent> NextAboutAsync(EventStreamReader events, string subject)
    {
        while (await events.NextAsync(Wait) is { } next)
        {
            if (JsonDocument.Parse(next.Data).RootElement.GetProperty("subject").GetString() == subject)
            {
                return next;
            }
        }
        throw new Xunit.Sdk.XunitException($"The stream ended or went quiet before an event about {subject}.");
    }

    [Fact]
    public async Task The_stream_delivers_a_new_change_and_resumes_after_the_last_event_id()
    {
        var end = await _client.FeedEndAsync();
        var (first, events) = await OpenAsync($"after={end}&types=samverkan.institution.*");
        ServerSentEvent seen;
        using (first)
        using (events)
        {
            var id = await fixture.CreateInstitutionAsync("Högskolan i Strömmen");
            seen = await NextAboutAsync(events, id);
            var data = JsonDocument.Parse(seen.Data).RootElement;
            Assert.Equal("samverkan.institution.created.v1", seen.Event);
            Assert.Equal(data.GetProperty("position").GetInt64().ToString(), seen.Id);
            Assert.Equal(id, data.GetProperty("data").GetProperty("id").GetString());
        }

        var later = await fixture.CreateInstitutionAsync("Högskolan i Återkomsten");
        // The header wins over the query, as it does when a browser's EventSource reconnects.
        var (second, resumed) = await OpenAsync("after=0&types=samverkan.institution.*", lastEventId: seen.Id);
        using (second)
        using (resumed)
        {
            var next = await resumed.NextAsync(Wait);
            Assert.NotNull(next);
            Assert.True(long.Parse(next.Id!) > long.Parse(seen.Id!), $"Resumed at {next.Id}, not after {seen.Id}.");
            Assert.Equal(later, JsonDocument.Parse(next.Data).RootElement.GetProperty("subject").GetString());
        }
    }

    [Fact]
    public async Task Each_write_to_the_stream_is_a_span_naming_the_last_position_it_sent()
    {
        using var recorder = new TelemetryRecorder(Webhooks.WebhookTelemetry.Name);
        var end = await _client.FeedEndAsync();
        var (response, events) = await OpenAsync($"after={end}&types=samverkan.institution.*");
        ServerSentEvent seen;
        using (response)
        using (events)
        {
            seen = await NextAboutAsync(events, await fixture.CreateInstitutionAsync("Högskolan i Spåret"));
        }

        var position = long.Parse(seen.Id!);
        // The span ends once the write is flushed, which may be just after the reader saw it.
        await Eventually.TrueAsync(
            () => recorder.Spans.Any(span => span.OperationName == "sse send" && (long?)span.GetTagItem("samverkan.feed.position") >= position),
            "an sse send span reaching the event's position", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_idle_stream_sends_keep_alive_comments()
    {
        var (response, events) = await OpenAsync("types=no.such.type");
        using (response)
        using (events)
        {
            Assert.Null(await events.NextAsync(TimeSpan.FromSeconds(3)));

            Assert.Contains("keep-alive", events.Comments);
        }
    }

    [Theory]
    [InlineData("after", null)]
    [InlineData("Last-Event-ID", "Last-Event-ID")]
    public async Task A_stream_opened_after_the_end_of_the_feed_is_refused_as_the_paged_read_refuses_it(string field, string? header)
    {
        var beyond = (await _client.FeedEndAsync() + 1000).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, header is null ? $"/api/changes/stream?after={beyond}" : "/api/changes/stream");
        if (header is not null)
        {
            request.Headers.Add(header, beyond);
        }

        using var stream = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var paged = await _client.GetAsync($"/api/changes?after={beyond}");

        // Checked before the body is read: an accepted stream never ends.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, stream.StatusCode);
        await TestSupport.ProblemAssert.NamesFieldsAsync(stream, field);
        await TestSupport.ProblemAssert.NamesFieldsAsync(paged, "after");
    }

    [Fact]
    public async Task A_malformed_last_event_id_is_a_problem_naming_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");
        using var response = await _client.SendAsync(request);

        await TestSupport.ProblemAssert.NamesFieldsAsync(response, "Last-Event-ID");
    }
}
