using Samverkan.Events;
using Samverkan.Storage;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Delivers one subscription's events, one at a time and in feed order: the next event is sent
/// only when the one before was taken (2xx). A failing head event waits for its next attempt
/// without holding any other subscription, each of which has its own worker. All progress is
/// stored, so a restart resumes where delivery stood; the state's version guards against a
/// replay or re-enable from the API landing meanwhile (the worker then reads it and goes on).
/// </summary>
public sealed class SubscriptionWorker(string subscriptionId, DeliveryServices services)
{
    private const int ScanLimit = 1000;
    private static readonly TimeSpan TrimEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _nextTrim;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await StepSafelyAsync(ct))
            {
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Shutting down, or the dispatcher's lease hold ended (a fenced commit may have found it lost).
        }
    }

    private async Task<bool> StepSafelyAsync(CancellationToken ct)
    {
        try
        {
            return await StepAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            // The API moved the cursor or reset the head meanwhile: read the state again.
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            services.Logger.LogError(e, "Webhook worker for {SubscriptionId} failed; resuming from its stored state", subscriptionId);
            await Task.Delay(services.Options.PollInterval, services.Clock, ct);
            return true;
        }
    }

    /// <returns>False when the subscription is gone or disabled: the worker ends, and the dispatcher starts a new one if it comes back.</returns>
    private async Task<bool> StepAsync(CancellationToken ct)
    {
        // Taken before looking for work, so a pulse while looking still wakes the wait below.
        var newEvents = services.FeedSignal.Next;
        var changed = services.Changes.Next;
        var subscription = await services.Subscriptions.GetAsync(subscriptionId, ct);
        var state = await services.States.GetAsync(subscriptionId, ct);
        if (subscription is not { Value.Enabled: true } || state is null)
        {
            services.Telemetry.Stopped(subscriptionId);
            return false;
        }
        var now = services.Clock.GetUtcNow();
        await TrimLogAsync(now, ct);
        if (state.Value.NextAttemptAt is { } due && due > now)
        {
            await SignalWaiting.WaitAnyAsync(Shorter(due - now, services.Options.PollInterval), ct, changed);
            return true;
        }
        var page = await services.Feed.ReadAsync(state.Value.Position, 1, TypeFilter.Of(subscription.Value.Types), ct, ScanLimit);
        if (page.Entries.Count > 0)
        {
            services.Telemetry.Waiting(subscriptionId, page.Entries[0].Time);
            await DeliverAsync(subscription.Value, state, page.Entries[0], ct);
        }
        else if (page.ScannedTo > state.Value.Position)
        {
            // Only events of other types (a PATCH may have changed them): pass them, so they are not looked at again.
            await services.States.ReplaceAsync(state.Value.Delivered(page.ScannedTo), state.Version, ct);
            await SupersedeAsync(state.Value.HeadLogId, ct);
        }
        else
        {
            services.Telemetry.Waiting(subscriptionId, null);
            await SignalWaiting.WaitAnyAsync(services.Options.PollInterval, ct, newEvents, changed);
        }
        return true;
    }

    private async Task DeliverAsync(WebhookSubscription subscription, Versioned<DeliveryState> stored, FeedEntry head, CancellationToken ct)
    {
        var state = stored.Value;
        var sameHead = state.HeadPosition == head.Position;
        var logId = sameHead ? state.HeadLogId : null;
        var started = new DeliveryRecord(subscription.Id, head.EventId, head.Type, head.Position, DeliveryStatus.Retrying, []);
        if (!sameHead)
        {
            await SupersedeAsync(state.HeadLogId, ct);
        }
        // Contact events carry the person only to subscriptions allowed it.
        AttemptResult result;
        using (var activity = WebhookTelemetry.StartDelivery(subscription.Id, head))
        {
            result = await services.Sender.SendAsync(subscription, head.EventId, head.VisibleTo(subscription.PersonalData).Json, ct);
            WebhookTelemetry.Finish(activity, result);
        }
        if (result.Succeeded)
        {
            services.Telemetry.Delivered(subscription.Id, head, result);
            await services.Log.RecordAsync(logId, started, result, DeliveryStatus.Delivered, ct);
            await services.States.ReplaceAsync(state.Delivered(head.Position), stored.Version, ct);
            services.Logger.LogDebug("Delivered {EventId} to {SubscriptionId}", head.EventId, subscription.Id);
            return;
        }
        services.Telemetry.Failed(subscription.Id, result);
        var attempts = (sameHead ? state.HeadAttempts : 0) + 1;
        var failingSince = (sameHead ? state.FailingSince : null) ?? result.At;
        var decision = RetryPlanner.Plan(services.Options, attempts, failingSince, result, new FeedEvent(head.EventId, head.Type, head.Position));
        var status = decision.DisableReason is null ? DeliveryStatus.Retrying : DeliveryStatus.Failed;
        logId = await services.Log.RecordAsync(logId, started, result, status, ct);
        await services.States.ReplaceAsync(
            new DeliveryState(subscription.Id, state.Position, head.Position, attempts, failingSince, decision.NextAttemptAt, logId), stored.Version, ct);
        if (decision.DisableReason is { } reason)
        {
            await services.DisableAsync(subscription.Id, reason, result.At, ct);
            services.Logger.LogWarning("Disabled {SubscriptionId}: {Reason}", subscription.Id, reason);
        }
        else
        {
            services.Logger.LogInformation("Delivering {EventId} to {SubscriptionId} failed ({Outcome}); attempt {Attempt} is due at {NextAttemptAt}",
                head.EventId, subscription.Id, result.Describe(), attempts + 1, decision.NextAttemptAt);
        }
    }

    /// <summary>A head that is no longer the head (its type was deselected) has its log entry closed.</summary>
    private async Task SupersedeAsync(string? logId, CancellationToken ct)
    {
        if (logId is not null)
        {
            await services.Log.SupersedeAsync(logId, ct);
        }
    }

    private async Task TrimLogAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now >= _nextTrim)
        {
            _nextTrim = now + TrimEvery;
            await services.Log.TrimAsync(subscriptionId, now - services.Options.DeliveryLogRetention, ct);
        }
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
