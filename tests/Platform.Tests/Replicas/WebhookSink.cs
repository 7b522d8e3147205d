using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Samverkan.Platform.Tests.Replicas;

/// <summary>A partner's webhook endpoint in the test process: takes every POST with 200 and keeps each event's id and feed position, in arrival order.</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string EventId, long Position)> _received = [];

    private WebhookSink()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            lock (_received)
            {
                _received.Add((body.RootElement.GetProperty("id").GetString()!, body.RootElement.GetProperty("position").GetInt64()));
            }
            return Results.Ok();
        });
    }

    public Uri Url => new(new Uri(_app.Urls.Single()), "/hook");

    /// <summary>Every delivery, redeliveries included.</summary>
    public IReadOnlyList<(string EventId, long Position)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<WebhookSink> StartAsync()
    {
        var sink = new WebhookSink();
        await sink._app.StartAsync();
        return sink;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
