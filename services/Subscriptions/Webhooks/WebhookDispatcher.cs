using Samverkan.Events;
using Samverkan.Storage.Leases;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Runs one <see cref="SubscriptionWorker"/> per enabled subscription, so a slow or failing
/// endpoint delays only its own deliveries. Looks for new or re-enabled subscriptions when the
/// API signals a change and at every polling interval. On several replicas only the holder of the
/// lease <see cref="LeaseName"/> dispatches (<see cref="LeasedWork"/>): its workers stop, an attempt
/// in flight aborted, before the lease can pass on, and every state they commit is fenced by its grant.
/// </summary>
public sealed class WebhookDispatcher(DeliveryServices services, LeasedWork leases) : BackgroundService
{
    public const string LeaseName = "webhooks";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunAsync(LeaseName, DispatchWhileHeldAsync, stoppingToken);

    private async Task DispatchWhileHeldAsync(LeaseHold hold)
    {
        var ct = hold.Token;
        var fenced = services.FencedBy(hold);
        var workers = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var changed = services.Changes.Next;
                try
                {
                    await StartWorkersAsync(fenced, workers, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    services.Logger.LogError(e, "Looking for webhook subscriptions failed; trying again");
                }
                await SignalWaiting.WaitAnyAsync(services.Options.PollInterval, ct, changed);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The hold ended: the workers see the same token.
        }
        finally
        {
            // However the loop ended, the work ends only once every worker has: the lease is
            // released after this returns, and no attempt of this replica may outlive it.
            await Task.WhenAll(workers.Values);
        }
    }

    private static async Task StartWorkersAsync(DeliveryServices fenced, Dictionary<string, Task> workers, CancellationToken ct)
    {
        foreach (var ended in workers.Where(worker => worker.Value.IsCompleted).Select(worker => worker.Key).ToList())
        {
            workers.Remove(ended);
        }
        await foreach (var subscription in fenced.Subscriptions.QueryAsync(cancellationToken: ct))
        {
            var id = subscription.Value.Id;
            if (subscription.Value.Enabled && !workers.ContainsKey(id))
            {
                var worker = new SubscriptionWorker(id, fenced);
                workers[id] = Task.Run(() => worker.RunAsync(ct), CancellationToken.None);
            }
        }
    }
}
