using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Samverkan.Events.Transports;

/// <summary>One subscriber app: its topic routes come from its <c>/dapr/subscribe</c>, asked again every minute and after a failure.</summary>
internal sealed class HttpSubscriberDestination(string app, Uri baseAddress, string pubSubName, IHttpClientFactory clients, ILogger logger)
    : IEventDestination
{
    private static readonly TimeSpan RediscoverAfter = TimeSpan.FromMinutes(1);
    private IReadOnlyList<DaprSubscription>? _subscriptions;
    private DateTimeOffset _discoveredAt;

    public string Name => $"http:{app}";

    public async Task<DeliveryOutcome> DeliverAsync(string topic, CloudEvent cloudEvent, string json, CancellationToken cancellationToken)
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
                var outcome = await OutcomeAsync(response, cancellationToken);
                if (outcome != DeliveryOutcome.Delivered)
                {
                    logger.LogWarning("{App} answered {Status} for {EventId} on {Route}", app, (int)response.StatusCode, cloudEvent.Id, route);
                    _subscriptions = outcome == DeliveryOutcome.Retry ? null : _subscriptions;
                    return outcome;
                }
            }
            return DeliveryOutcome.Delivered;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Delivering {EventId} to {App} failed: {Reason}", cloudEvent.Id, app, e.Message);
            _subscriptions = null;
            return DeliveryOutcome.Retry;
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

    /// <summary>A path under the app's base address, keeping any path the base address has.</summary>
    private Uri Under(string path) => new($"{baseAddress.ToString().TrimEnd('/')}/{path.TrimStart('/')}");

    /// <summary>Dapr's app contract: 2xx is success unless the body says RETRY or DROP; anything else is a retry.</summary>
    private static async Task<DeliveryOutcome> OutcomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Retry;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = body.Length > 0 && body.TrimStart().StartsWith('{')
            ? JsonSerializer.Deserialize<DaprStatus>(body, JsonSerializerOptions.Web)?.Status
            : null;
        return status?.ToUpperInvariant() switch
        {
            "RETRY" => DeliveryOutcome.Retry,
            "DROP" => DeliveryOutcome.Dropped,
            _ => DeliveryOutcome.Delivered,
        };
    }

    private sealed record DaprSubscription(
        [property: JsonPropertyName("pubsubName")] string PubsubName,
        [property: JsonPropertyName("topic")] string Topic,
        [property: JsonPropertyName("route")] string Route);

    private sealed record DaprStatus(string? Status);
}
