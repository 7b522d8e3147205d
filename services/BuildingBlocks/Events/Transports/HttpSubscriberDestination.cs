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

    public async Task<IReadOnlyList<DeliveryResult>> DeliverAsync(string topic, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpEventTransport.ClientName);
        try
        {
            var routes = (await SubscriptionsAsync(client, cancellationToken)).Where(s => s.PubsubName == pubSubName && s.Topic == topic).ToList();
            var results = Enumerable.Repeat(DeliveryResult.Delivered, events.Count).ToArray();
            foreach (var route in routes)
            {
                var answered = route.BulkSubscribe?.Enabled == true
                    ? await PostBulkAsync(client, topic, route.Route, events, cancellationToken)
                    : await PostEachAsync(client, route.Route, events, cancellationToken);
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = Worse(results[i], answered[i]);
                }
            }
            if (results.Any(r => r.Outcome == DeliveryOutcome.Retry))
            {
                NextReplica();
            }
            return results;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Delivering {Count} events from {EventId} to {App} failed: {Reason}", events.Count, events[0].Event.Id, app, e.Message);
            NextReplica();
            var result = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                ? DeliveryResult.NotReached(e.Message)
                : DeliveryResult.Retry(e.Message);
            return [.. events.Select(_ => result)];
        }
    }

    /// <summary>Dapr's single form, one request per event.</summary>
    private Task<DeliveryResult[]> PostEachAsync(HttpClient client, string route, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken) =>
        OneByOne.DeliverAsync(events, async delivery =>
        {
            using var content = new StringContent(delivery.Json, Encoding.UTF8, CloudEvent.MediaType);
            using var response = await client.PostAsync(Under(route), content, cancellationToken);
            var result = await SingleResultAsync(response, cancellationToken);
            if (result.Outcome != DeliveryOutcome.Delivered)
            {
                logger.LogWarning("{App} answered {Status} for {EventId} on {Route}", app, (int)response.StatusCode, delivery.Event.Id, route);
            }
            return result;
        });

    /// <summary>
    /// Dapr's bulk form: every event in one request, answered with a status per entry (an entry
    /// left out of the answer is RETRY, as Dapr has it). A refusal of the whole request (a 4xx)
    /// is not taken as a refusal of every event in it: they go again one by one, each answered for itself.
    /// </summary>
    private async Task<DeliveryResult[]> PostBulkAsync(HttpClient client, string topic, string route, IReadOnlyList<OutgoingDelivery> events, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(BulkMessage.Write(topic, pubSubName, events));
        content.Headers.ContentType = new(CloudEvent.BatchMediaType) { CharSet = "utf-8" };
        using var response = await client.PostAsync(Under(route), content, cancellationToken);
        var refused = SingleResult((int)response.StatusCode, response.ReasonPhrase, status: null);
        if (refused.Outcome == DeliveryOutcome.Refused)
        {
            logger.LogWarning("{App} refused a bulk of {Count} events on {Route} ({Status}); sending them one by one", app, events.Count, route, (int)response.StatusCode);
            return await PostEachAsync(client, route, events, cancellationToken);
        }
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("{App} answered {Status} for a bulk of {Count} events on {Route}", app, (int)response.StatusCode, events.Count, route);
            return [.. events.Select(_ => refused)];
        }
        var statuses = await response.Content.ReadFromJsonAsync<BulkStatuses>(JsonSerializerOptions.Web, cancellationToken);
        return BulkMessage.Results(events.Count, statuses?.Statuses ?? []);
    }

    // Retry is worse than a refusal (the event must go again, to every route), a refusal worse than taken.
    private static DeliveryResult Worse(DeliveryResult a, DeliveryResult b) => Severity(b) > Severity(a) ? b : a;

    private static int Severity(DeliveryResult result) => result.Outcome switch
    {
        DeliveryOutcome.Delivered => 0,
        DeliveryOutcome.Refused => 1,
        _ => 2,
    };

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
    private static async Task<DeliveryResult> SingleResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return SingleResult((int)response.StatusCode, response.ReasonPhrase, status: null);
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = body.Length > 0 && body.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<DaprStatus>(body, JsonSerializerOptions.Web)?.Status
            : null;
        return SingleResult((int)response.StatusCode, response.ReasonPhrase, status);
    }

    private static DeliveryResult SingleResult(int code, string? reasonPhrase, string? status)
    {
        if (code is < 200 or >= 300)
        {
            var reason = $"{code} {reasonPhrase}";
            return code is >= 400 and < 500 and not (401 or 403 or 408 or 429)
                ? DeliveryResult.Refused(reason)
                : DeliveryResult.Retry(reason);
        }
        return BulkMessage.FromStatus(status);
    }

    private sealed record DaprSubscription(
        [property: JsonPropertyName("pubsubName")] string PubsubName,
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("route")] string Route,
        [property: JsonPropertyName("bulkSubscribe")] DaprBulkSubscribe? BulkSubscribe);

    private sealed record DaprBulkSubscribe([property: JsonPropertyName("enabled")] bool Enabled);

    private sealed record BulkStatuses(IReadOnlyList<BulkMessage.EntryStatus>? Statuses);

    private sealed record DaprStatus(string? Status);
}
