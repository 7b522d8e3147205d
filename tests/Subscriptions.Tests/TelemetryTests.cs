using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samverkan.ServiceDefaults;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Tests;

/// <summary>The telemetry every process has (ServiceDefaults, the gateway's too) and the feed's stream span.</summary>
public class TelemetryTests
{
    [Fact]
    public void Traces_metrics_and_logs_name_the_service_and_its_version_on_their_resource()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.AddServiceDefaults();
        using var app = builder.Build();

        BaseProvider[] providers = [app.Services.GetRequiredService<TracerProvider>(), app.Services.GetRequiredService<MeterProvider>(),
            app.Services.GetRequiredService<LoggerProvider>()];
        foreach (var provider in providers)
        {
            var attributes = provider.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
            Assert.Equal("Samverkan.Subscriptions", attributes["service.name"]);
            Assert.Equal("samverkan", attributes["service.namespace"]);
            Assert.False(string.IsNullOrWhiteSpace(attributes["service.version"] as string), "service.version is set");
            Assert.True(attributes.ContainsKey("service.instance.id"), "service.instance.id is set");
        }
    }

    [Fact]
    public void A_server_sent_events_send_is_a_span_linked_to_the_trace_of_each_write_it_carries()
    {
        using var recorder = new TelemetryRecorder(WebhookTelemetry.Name);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var telemetry = new FeedTelemetry(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var (first, second) = (ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom());

        using (telemetry.StartStreamSend([Entry(41, first), Entry(42, second), Entry(43, null)]))
        {
        }

        var span = Assert.Single(recorder.Spans, s => s.OperationName == "sse send" && s.Links.Any(l => l.Context.TraceId == first));
        Assert.Equal([first, second], span.Links.Select(l => l.Context.TraceId));
        Assert.Equal(3, span.GetTagItem("messaging.batch.message_count"));
        Assert.Equal(43L, span.GetTagItem("samverkan.feed.position"));
    }

    private static FeedEntry Entry(long position, ActivityTraceId? trace)
    {
        var cloudEvent = new JsonObject { ["id"] = $"e-{position}", ["type"] = "samverkan.forum.updated.v1", ["position"] = position };
        if (trace is { } id)
        {
            cloudEvent["traceparent"] = $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        }
        return new FeedEntry(position, $"e-{position}", "samverkan.forum.updated.v1", DateTimeOffset.UtcNow, cloudEvent);
    }
}
