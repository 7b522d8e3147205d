using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>What one attempt got: 2xx is success; <see cref="RetryAfter"/> is the endpoint's own wish for the next try.</summary>
public sealed record AttemptResult(DateTimeOffset At, int? StatusCode, string? Error, long LatencyMs, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public DeliveryAttempt ToAttempt() => new(At, StatusCode, Error, LatencyMs);

    public string Describe() => StatusCode is { } status ? $"HTTP {status}" : Error ?? "no answer";
}

/// <summary>
/// One signed POST, as the Standard Webhooks specification has it: the body is the event's JSON
/// (a CloudEvent with its feed position), <c>webhook-id</c> the CloudEvent id (the same on
/// every retry and replay, for the receiver to deduplicate), <c>webhook-timestamp</c> the time
/// of this attempt, <c>webhook-signature</c> one <c>v1</c> entry per active secret. Redirects are
/// not followed (they could lead past the target policy); the answer's body is not read.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<AttemptResult> SendAsync(WebhookSubscription subscription, string eventId, string body, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature",
            WebhookSignature.Sign(subscription.ActiveSecrets(at).Select(secret => secret.Secret), eventId, timestamp, body));
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new AttemptResult(at, (int)response.StatusCode, null, stopwatch.ElapsedMilliseconds, RetryAfter(response.Headers.RetryAfter, clock.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(at, null, $"No answer within {options.Value.Timeout.TotalSeconds:0} s.", stopwatch.ElapsedMilliseconds, null);
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(at, null, Describe(e), stopwatch.ElapsedMilliseconds, null);
        }
    }

    /// <summary>Retry-After as seconds or as an HTTP date, relative to now; null when absent or already past.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } when delta > TimeSpan.Zero => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };

    private static string Describe(HttpRequestException e)
    {
        var inner = e.InnerException is { } cause && cause is not HttpRequestException ? $" ({cause.Message})" : "";
        return (e.Message + inner).Length <= 500 ? e.Message + inner : (e.Message + inner)[..500];
    }
}
