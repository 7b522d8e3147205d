using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.Subscriptions.Webhooks;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>What a partner's support call starts from: a delivery's trace leads to the write, and the metrics count what happened.</summary>
[Collection(WebhookCollection.Name)]
public class WebhookTelemetryTests(WebhookFixture fixture)
{
    [Fact]
    public async Task A_webhook_delivery_is_a_span_in_the_trace_of_the_write_that_caused_it()
    {
        using var recorder = new TelemetryRecorder(WebhookTelemetry.Name);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (subscriptionId, _) = await fixture.Client.SubscribeAsync(receiver, "samverkan.institution.*");
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var institutionId = await CreateInstitutionInTraceAsync(traceId);
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == institutionId && r.Accepted), "the delivery");

        var delivered = receiver.Accepted.Single(r => r.Subject == institutionId);
        Assert.StartsWith($"00-{traceId}-", delivered.Event.GetProperty("traceparent").GetString());
        var span = await Eventually.GetAsync(() => Task.FromResult(recorder.Spans.FirstOrDefault(s =>
            (string?)s.GetTagItem("samverkan.subscription.id") == subscriptionId && s.TraceId.ToHexString() == traceId)), "the delivery span");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        Assert.Equal(delivered.Id, span.GetTagItem("messaging.message.id"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(span.Tags, tag => tag.Value is { } text && text.Contains(receiver.Url.Authority, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_metrics_count_a_failed_attempt_and_the_delivery_that_followed_and_report_the_lag_of_the_subscription()
    {
        using var recorder = new TelemetryRecorder(WebhookTelemetry.Name);
        await using var receiver = await WebhookReceiver.StartAsync((_, count) => new WebhookAnswer(count == 0 ? 503 : 200));
        var (subscriptionId, _) = await fixture.Client.SubscribeAsync(receiver, "samverkan.institution.*");

        var institutionId = await fixture.CreateInstitutionAsync("Högskolan i Mätningen");
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == institutionId && r.Accepted), "the delivery after one failure");

        await Eventually.TrueAsync(() => recorder.Values("samverkan.webhooks.delivered", "subscription_id", subscriptionId).Sum() >= 1,
            "the delivery counted");
        Assert.Equal(1, recorder.Values("samverkan.webhooks.delivered", "subscription_id", subscriptionId).Sum());
        Assert.Equal(1, recorder.Values("samverkan.webhooks.failed", "subscription_id", subscriptionId).Sum());
        Assert.Single(recorder.Values("samverkan.webhooks.delivery_latency", "subscription_id", subscriptionId), latency => latency >= 0);
        Assert.Equal(2, recorder.Values("samverkan.webhooks.attempt_duration", "subscription_id", subscriptionId).Count);
        Assert.NotEmpty(recorder.Values("samverkan.webhooks.lag", "subscription_id", subscriptionId));
    }

    /// <summary>A write in a trace of our choosing, as the gateway would have started it.</summary>
    private async Task<string> CreateInstitutionInTraceAsync(string traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/institutions")
        {
            Content = JsonContent.Create(new { name = $"Högskolan i Spåret {Guid.NewGuid():N}", kind = "university" }, options: JsonHttp.Options),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await fixture.ClientFor("institutions").SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
