using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samverkan.Events.Dapr;

namespace Samverkan.Events.Tests.Support;

/// <summary>
/// A subscriber app on 127.0.0.1:0 whose route takes bulks, as the services' routes do
/// (<see cref="BulkTopics.MapTopicEvents"/>). <c>fails</c> decides, per event and its attempt
/// number, whether handling it throws; the events handled without throwing are <see cref="Taken"/>.
/// </summary>
public sealed class BulkSubscriberApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CloudEvent> _taken = new();
    private readonly ConcurrentQueue<(string ContentType, long Bytes)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    private BulkSubscriberApp(Func<CloudEvent, int, bool> fails)
    {
        var builder = WebApplication.CreateSlimBuilder();
        TestLogging.Configure(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method))
            {
                _requests.Enqueue((context.Request.ContentType ?? "", context.Request.ContentLength ?? -1));
            }
            await next(context);
        });
        _app.UseEventSubscriptions();
        _app.MapTopicEvents(RelayHost.Topic, (cloudEvent, _, _) =>
        {
            if (fails(cloudEvent, _attempts.AddOrUpdate(cloudEvent.Id, 1, (_, n) => n + 1)))
            {
                throw new InvalidOperationException($"{cloudEvent.Subject} is not taken this time.");
            }
            _taken.Enqueue(cloudEvent);
            return Task.CompletedTask;
        });
    }

    public Uri Url => new(_app.Urls.Single());

    public IReadOnlyList<CloudEvent> Taken => [.. _taken];

    /// <summary>Every delivery request: its content type and length.</summary>
    public IReadOnlyList<(string ContentType, long Bytes)> Requests => [.. _requests];

    public static async Task<BulkSubscriberApp> StartAsync(Func<CloudEvent, int, bool>? fails = null)
    {
        var app = new BulkSubscriberApp(fails ?? ((_, _) => false));
        await app._app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
