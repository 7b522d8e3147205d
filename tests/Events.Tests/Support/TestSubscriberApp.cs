using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samverkan.Events.Dapr;
using Samverkan.Events.Subscribing;

namespace Samverkan.Events.Tests.Support;

/// <summary>What one delivery looked like on the wire, and what the topic route made of it.</summary>
public sealed record Delivery(
    string ContentType, string Body, string? TraceParentHeader, IReadOnlyDictionary<string, string> CloudEventHeaders, CloudEvent Event, JsonElement Data)
{
    public long Sequence => long.Parse(Event.Sequence!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A subscriber app on 127.0.0.1:0 built the way services subscribe: Dapr's programming model through
/// <see cref="SubscriberExtensions.UseEventSubscriptions"/> and <see cref="SubscriberExtensions.MapTopic"/>.
/// An answer function decides each attempt's response (default: Dapr's SUCCESS); only
/// attempts answered with success count as <see cref="Accepted"/>.
/// </summary>
public sealed class TestSubscriberApp : IAsyncDisposable
{
    private const string RawBodyKey = "raw-body";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _accepted = new();
    private readonly Func<Delivery, int, IResult> _answer;
    private int _attempts;

    private TestSubscriberApp(string topic, Func<Delivery, int, IResult>? answer, string? appApiToken, long? maxRequestBodyBytes, int port)
    {
        _answer = answer ?? ((_, _) => SubscriberExtensions.Success());
        var builder = WebApplication.CreateSlimBuilder();
        if (appApiToken is not null)
        {
            builder.Configuration[AppApiToken.ConfigurationKey] = appApiToken;
        }
        TestLogging.Configure(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestBodySize = maxRequestBodyBytes ?? kestrel.Limits.MaxRequestBodySize;
        });
        _app = builder.Build();
        // Sees the request as the relay sent it, before Dapr's middleware unwraps the CloudEvent.
        _app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                context.Request.EnableBuffering();
                var body = await new StreamReader(context.Request.Body, leaveOpen: true).ReadToEndAsync();
                context.Items[RawBodyKey] = (context.Request.ContentType ?? "", body);
                context.Request.Body.Position = 0;
            }
            await next(context);
        });
        _app.UseEventSubscriptions();
        _app.MapTopic(topic, (Func<JsonElement, HttpContext, IResult>)Handle);
    }

    public Uri Url => new(_app.Urls.Single());

    /// <summary>Every attempt the topic route saw, successful or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<Delivery> Accepted => [.. _accepted];

    public static async Task<TestSubscriberApp> StartAsync(
        string topic = RelayHost.Topic, Func<Delivery, int, IResult>? answer = null, string? appApiToken = null, long? maxRequestBodyBytes = null, int port = 0)
    {
        var app = new TestSubscriberApp(topic, answer, appApiToken, maxRequestBodyBytes, port);
        await app._app.StartAsync();
        return app;
    }

    public static IResult Status(string status) => TypedResults.Ok(new TopicStatus(status));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Handle(JsonElement data, HttpContext context)
    {
        var request = context.Request;
        var (contentType, body) = ((string, string))context.Items[RawBodyKey]!;
        var delivery = new Delivery(
            contentType,
            body,
            request.Headers.TryGetValue("traceparent", out var trace) ? trace.ToString() : null,
            request.Headers.Where(h => h.Key.StartsWith("Cloudevent.", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key["Cloudevent.".Length..], h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            IncomingEvent.From(request, data),
            data.Clone());
        var answer = _answer(delivery, Interlocked.Increment(ref _attempts));
        if (IsSuccess(answer))
        {
            _accepted.Enqueue(delivery);
        }
        return answer;
    }

    private static bool IsSuccess(IResult answer) => answer is IValueHttpResult { Value: TopicStatus { Status: "SUCCESS" } };
}
