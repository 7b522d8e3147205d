using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Samverkan.Institutions.Tests.Events;

/// <summary>
/// A subscriber app of the institutions topic, as a real HTTP server: it answers 400 (a refusal
/// for good) for every event whose institution's name contains <see cref="RefusedMarker"/>,
/// until told to accept them, and keeps the ids of the events it took.
/// </summary>
public sealed class RefusingSubscriber : IAsyncDisposable
{
    public const string RefusedMarker = "Avvisas";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string EventId, string Subject)> _taken = new();
    private volatile bool _accepting;

    private RefusingSubscriber()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test's output folder holds the Institutions service's appsettings.json (its Kestrel endpoints): not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/dapr/subscribe", () => new[] { new { pubsubName = "pubsub", topic = "institutions", route = "events/institutions" } });
        _app.MapPost("/events/institutions", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var cloudEvent = body.RootElement;
            var name = cloudEvent.GetProperty("data").GetProperty("name").GetString() ?? "";
            if (name.Contains(RefusedMarker, StringComparison.Ordinal) && !_accepting)
            {
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            }
            _taken.Enqueue((cloudEvent.GetProperty("id").GetString()!, cloudEvent.GetProperty("subject").GetString()!));
            return Results.Ok(new { status = "SUCCESS" });
        });
    }

    public Uri Url => new(_app.Urls.Single());

    public IReadOnlyList<(string EventId, string Subject)> Taken => [.. _taken];

    public void AcceptEverything() => _accepting = true;

    public static async Task<RefusingSubscriber> StartAsync()
    {
        var subscriber = new RefusingSubscriber();
        await subscriber._app.StartAsync();
        return subscriber;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
