using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Samverkan.Events.Transports;

/// <summary>
/// One subscriber app: its topic routes come from its <c>/dapr/subscribe</c>, asked again every
/// minute and after a failure. With several replicas' addresses, one is used until it fails to
/// answer (or answers 5xx), then the next: the app's replicas share one store, so any of them takes the event.
/// </summary>
internal sealed class HttpSubscriberDestination(string app, IReadOnlyList<Uri> replicas, string pubSubName, IHttpClientFactory clients, ILogger logger)
    : IEventDestination
{
    private static readonly TimeSpan RediscoverAfter = TimeSpan.FromMinutes(1);
    private IReadOnlyList<DaprSubscription>? _subscriptions;
    private DateTimeOffset _discoveredAt;
    private int _replica;

    private Uri BaseAddress => replicas[Volatile.Read(ref _replica) % replicas.Count];

    public string Name => $"http:{app}";

    public async Task<DeliveryResult> DeliverAsync(string topic, CloudEvent cloudEvent, string json, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpEventTransport.ClientName);
        try
        {
            var routes = (await SubscriptionsAsync(client, cancellationToken))
                .Where(s => s.PubsubName == pubSubName && s.Topic == topic).Select(s => s.Route).ToList();
            foreach (var route in routes)
            {
                using var content = new StringContent(json, Encoding.UTF8, CloudEvent.MediaType);
                using var response = await client.PostAsync(Under(route), content, cancellationToken);
                var result = await ResultAsync(response, cancellationToken);
                if (result.Outcome != DeliveryOutcome.Delivered)
                {
                    logger.LogWarning("{App} answered {Status} for {EventId} on {Route}", app, (int)response.StatusCode, cloudEvent.Id, route);
                    if (result.Outcome == DeliveryOutcome.Retry)
                    {
                        NextReplica();
                    }
                    return result;
                }
            }
            return DeliveryResult.Delivered;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Delivering {EventId} to {App} failed: {Reason}", cloudEvent.Id, app, e.Message);
            NextReplica();
            return DeliveryResult.Retry(e.Message);
        }
    }

    private async Task<IReadOnlyList<DaprSubscription>> SubscriptionsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        if (_subscriptions is null || DateTimeOffset.UtcNow - _discoveredAt > RediscoverAfter)
        {
            _subscriptions = await client.GetFromJsonAsync<List<DaprSubscription>>(Under("dapr/subscribe"), cancellationToken) ?? [];
            _discoveredAt = DateTimeOffset.UtcNow;
        }
        return _subscriptions;
    }

    /// <summary>After a failure: the next attempt goes to the next replica (the same one when there is one), whose routes are asked again.</summary>
    private void NextReplica()
    {
        Interlocked.Increment(ref _replica);
        _subscriptions = null;
    }

    /// <summary>A path under the app's base address, keeping any path the base address has.</summary>
    private Uri Under(string path) => new($"{BaseAddress.ToString().TrimEnd('/')}/{path.TrimStart('/')}");

    /// <summary>
    /// Dapr's app contract: 2xx is success unless the body says RETRY or DROP. A 4xx is a refusal
    /// no retry can change, except 408 and 429 (try later) and 401/403, which are about the
    /// sender's credentials, not the event: an app API token fixed by the operator lets the same
    /// event through. Anything else (5xx, no answer) is retried.
    /// </summary>
    private static async Task<DeliveryResult> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var reason = $"{code} {response.ReasonPhrase}";
            return code is >= 400 and < 500 and not (401 or 403 or 408 or 429)
                ? DeliveryResult.Refused(reason)
                : DeliveryResult.Retry(reason);
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = body.Length > 0 && body.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<DaprStatus>(body, JsonSerializerOptions.Web)?.Status
            : null;
        return status?.ToUpperInvariant() switch
        {
            "RETRY" => DeliveryResult.Retry("the app answered RETRY"),
            "DROP" => DeliveryResult.Refused("the app answered DROP"),
            _ => DeliveryResult.Delivered,
        };
    }

    private sealed record DaprSubscription(
        [property: JsonPropertyName("pubsubName")] string PubsubName,
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("route")] string Route);

    private sealed record DaprStatus(string? Status);
}
