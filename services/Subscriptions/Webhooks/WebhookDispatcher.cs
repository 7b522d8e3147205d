using Samverkan.Events;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Runs one <see cref="SubscriptionWorker"/> per enabled subscription, so a slow or failing
/// endpoint delays only its own deliveries. Looks for new or re-enabled subscriptions when the
/// API signals a change and at every polling interval.
/// </summary>
public sealed class WebhookDispatcher(DeliveryServices services) : BackgroundService
{
    private readonly Dictionary<string, Task> _workers = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = services.Changes.Next;
                try
                {
                    await StartWorkersAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    services.Logger.LogError(e, "Looking for webhook subscriptions failed; trying again");
                }
                await SignalWaiting.WaitAnyAsync(services.Options.PollInterval, stoppingToken, changed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the workers see the same token.
        }
        await Task.WhenAll(_workers.Values);
    }

    private async Task StartWorkersAsync(CancellationToken ct)
    {
        foreach (var ended in _workers.Where(worker => worker.Value.IsCompleted).Select(worker => worker.Key).ToList())
        {
            _workers.Remove(ended);
        }
        await foreach (var subscription in services.Subscriptions.QueryAsync(cancellationToken: ct))
        {
            var id = subscription.Value.Id;
            if (subscription.Value.Enabled && !_workers.ContainsKey(id))
            {
                var worker = new SubscriptionWorker(id, services);
                _workers[id] = Task.Run(() => worker.RunAsync(ct), CancellationToken.None);
            }
        }
    }
}
