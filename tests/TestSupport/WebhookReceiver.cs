using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samverkan.TestSupport;

/// <summary>One POST the receiver got: the Standard Webhooks headers, the raw body, and what it answered.</summary>
public sealed record ReceivedWebhook(DateTimeOffset At, string Id, string Timestamp, string Signature, string Body, int Answered)
{
    public JsonElement Event => JsonDocument.Parse(Body).RootElement.Clone();

    public string Subject => Event.GetProperty("subject").GetString()!;

    public string Type => Event.GetProperty("type").GetString()!;

    public long Position => Event.GetProperty("position").GetInt64();

    public bool Accepted => Answered is >= 200 and < 300;
}

/// <summary>How the receiver answers one request: a status, optionally a Retry-After, optionally after a delay.</summary>
public sealed record WebhookAnswer(int Status, string? RetryAfter = null, TimeSpan Delay = default);

/// <summary>
/// A partner's webhook endpoint inside the test process: a real Kestrel server on
/// 127.0.0.1 and a free port, recording every request and answering as <see cref="Answer"/> says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];
    private readonly CancellationTokenSource _stopping = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Decides each answer from the request and how many came before it; 200 unless set.</summary>
    public Func<ReceivedWebhook, int, WebhookAnswer> Answer { get; set; } = (_, _) => new WebhookAnswer(200);

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The requests it answered with 2xx, in the order they came.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Received.Where(r => r.Accepted).ToList();

    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedWebhook, int, WebhookAnswer>? answer = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await StartOnAsync(Random.Shared.Next(FirstPort, LastPort), answer);
            }
            catch (IOException) when (attempt < 20)
            {
                // That port was taken: try another.
            }
        }
    }

    /// <summary>
    /// Below the system's ephemeral range, where the launcher picks the services' free ports:
    /// a receiver started meanwhile by a parallel test must not take a port a service is about to bind.
    /// </summary>
    private const int FirstPort = 20000;
    private const int LastPort = 30000;

    private static async Task<WebhookReceiver> StartOnAsync(int port, Func<ReceivedWebhook, int, WebhookAnswer>? answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test's output folder holds the Subscriptions service's appsettings.json (its Kestrel endpoints): not ours.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        if (answer is not null)
        {
            receiver.Answer = answer;
        }
        app.MapPost("/hook", receiver.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    /// <summary>Waits until the received requests satisfy the condition.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => condition(Received), what, timeout);

    public async ValueTask DisposeAsync()
    {
        // Requests held open by a slow answer end now rather than hold up the shutdown.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var request = new ReceivedWebhook(DateTimeOffset.UtcNow, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(),
            headers["webhook-signature"].ToString(), body, 0);
        WebhookAnswer answer;
        lock (_received)
        {
            answer = Answer(request, _received.Count);
            _received.Add(request with { Answered = answer.Status });
        }
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                using var held = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await Task.Delay(answer.Delay, held.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }
    }
}
