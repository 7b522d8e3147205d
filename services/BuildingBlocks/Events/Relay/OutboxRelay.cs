using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Samverkan.Events.Outbox;
using Samverkan.Events.Transports;
using Samverkan.Storage;
using Samverkan.Storage.Leases;

namespace Samverkan.Events.Relay;

/// <summary>
/// Delivers the outbox to every destination of the service's topic: in sequence order, at least
/// once, retrying with capped exponential backoff and never skipping an event. An event a
/// destination refuses for good is kept as a dead letter and delivery goes on, so one event
/// never holds back every later one (<see cref="DeadLetters"/>). Each destination
/// has a cursor stored beside the outbox, so after a restart delivery resumes where it stood
/// (an event delivered just before a crash may come again: subscribers are idempotent).
/// On several replicas only the holder of the lease <c>relay:{topic}</c> relays (<see cref="LeasedWork"/>):
/// it stops before its lease can pass on, and every commit it makes is fenced by its grant.
/// </summary>
internal sealed class OutboxRelay(
    IDocumentStore store,
    IEventTransport transport,
    OutboxSignal signal,
    EventSourceOptions source,
    RelayState state,
    OutboxTrimmer trimmer,
    DeadLetters deadLetters,
    LeasedWork leases,
    EventMetrics metrics,
    IOptions<RelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    public static readonly ActivitySource Activities = new("Samverkan.Events");
    private readonly RelayOptions _options = options.Value;
    private readonly DocumentCollection<RelayCursor> _cursors = new(store, RelayCursor.Collection, cursor => cursor.Destination);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunAsync(RelayRegistration.LeaseName(source.Topic), RelayWhileHeldAsync, stoppingToken);

    private async Task RelayWhileHeldAsync(LeaseHold hold)
    {
        state.Hold(hold.Grant);
        try
        {
            var fenced = hold.Fenced(store);
            var destinations = transport.DestinationsFor(source.Topic);
            if (destinations.Count == 0)
            {
                await DiscardAsync(fenced, hold.Token);
                return;
            }
            await Task.WhenAll(destinations.Select(d => RunAsync(fenced, d, destinations.Count, hold.Token)));
        }
        finally
        {
            state.Standby();
        }
    }

    /// <summary>
    /// With no subscriber configured (a service run on its own) events have nowhere to go; they
    /// are removed rather than kept forever, since they may hold personal data.
    /// </summary>
    private async Task DiscardAsync(IDocumentStore fenced, CancellationToken ct)
    {
        logger.LogWarning("No event subscribers are configured for {Topic}: events are not delivered", source.Topic);
        while (!ct.IsCancellationRequested)
        {
            var next = signal.Next;
            await trimmer.TrimAsync(fenced, long.MaxValue, idle: true, ct);
            await SignalWaiting.WaitAnyAsync(_options.PollInterval, ct, next);
        }
    }

    /// <summary>A storage failure must not end delivery for good: log it, wait, and resume from the stored cursor.</summary>
    private async Task RunAsync(IDocumentStore fenced, IEventDestination destination, int destinationCount, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RelayAsync(fenced, destination, destinationCount, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Relay to {Destination} failed; resuming from its stored cursor", destination.Name);
                await Task.Delay(_options.MaxRetryDelay / 10, clock, ct);
            }
        }
    }

    private async Task RelayAsync(IDocumentStore fenced, IEventDestination destination, int destinationCount, CancellationToken ct)
    {
        var cursors = _cursors.On(fenced);
        var status = state.For(destination.Name);
        var stored = await cursors.GetAsync(destination.Name, ct);
        var version = stored?.Version;
        status.Delivered = stored?.Value.Delivered ?? 0;
        status.Loaded = true;
        while (!ct.IsCancellationRequested)
        {
            var next = signal.Next;
            var batch = await store.QueryAsync(EventOutbox.Collection, new DocumentQuery(AfterId: SequenceId.Format(status.Delivered)), ct)
                .Take(_options.BatchSize).ToListAsync(ct);
            status.OldestUndelivered = batch.Count == 0 ? null : CloudEvent.Parse(batch[0].Json).Time;
            if (batch.Count == 0)
            {
                await trimmer.TrimAsync(fenced, state.DeliveredEverywhere(destinationCount), idle: true, ct);
                await SignalWaiting.WaitAnyAsync(_options.PollInterval, ct, next);
                continue;
            }
            foreach (var record in batch)
            {
                await DeliverAsync(fenced, destination, record, status, ct);
            }
            version = version is null
                ? (await cursors.InsertAsync(new RelayCursor(destination.Name, status.Delivered), ct)).Version
                : (await cursors.ReplaceAsync(new RelayCursor(destination.Name, status.Delivered), version.Value, ct)).Version;
            await trimmer.TrimAsync(fenced, state.DeliveredEverywhere(destinationCount), idle: false, ct);
        }
    }

    private async Task DeliverAsync(IDocumentStore fenced, IEventDestination destination, StoredDocument record, DestinationState status, CancellationToken ct)
    {
        var sequence = SequenceId.Parse(record.Id);
        var json = WithSequence(record.Json, sequence);
        var cloudEvent = CloudEvent.Parse(json);
        status.OldestUndelivered = cloudEvent.Time;
        var result = await SettleAsync(destination, cloudEvent, json, status, ct);
        if (result.Outcome == DeliveryOutcome.Refused)
        {
            await deadLetters.RecordAsync(fenced, destination.Name, sequence, cloudEvent, json, result.Reason, ct);
            metrics.Refused(destination.Name);
            logger.LogError("{Destination} refused {EventId} ({Reason}); kept as a dead letter", destination.Name, cloudEvent.Id, result.Reason);
        }
        else
        {
            status.DeliveredCount++;
            metrics.Delivered(destination.Name, clock.GetUtcNow() - cloudEvent.Time);
        }
        // The cursor passes the event either way: taken, or kept for an operator.
        status.Delivered = sequence;
        status.FailedAttempts = 0;
    }

    /// <summary>Attempts until the destination takes the event or refuses it for good, backing off between attempts.</summary>
    private async Task<DeliveryResult> SettleAsync(IEventDestination destination, CloudEvent cloudEvent, string json, DestinationState status, CancellationToken ct)
    {
        var delay = _options.FirstRetryDelay;
        while (true)
        {
            DeliveryResult result;
            using (var activity = StartDelivery(cloudEvent, destination))
            {
                result = await destination.DeliverAsync(source.Topic, cloudEvent, json, ct);
                activity?.SetTag("samverkan.delivery.outcome", result.Outcome.ToString());
            }
            if (result.Outcome != DeliveryOutcome.Retry)
            {
                return result;
            }
            status.FailedAttempts++;
            await Task.Delay(delay, clock, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    /// <summary>The sequence is the outbox number, known only once the append committed, so it joins the event here.</summary>
    private static string WithSequence(string json, long sequence)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["sequence"] = CloudEventSequence.Format(sequence);
        return node.ToJsonString(CloudEvent.JsonOptions);
    }

    /// <summary>A delivery span in the trace of the write that caused the event.</summary>
    private static Activity? StartDelivery(CloudEvent cloudEvent, IEventDestination destination)
    {
        ActivityContext.TryParse(cloudEvent.TraceParent, null, out var parent);
        var activity = Activities.StartActivity($"deliver {cloudEvent.Type}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.destination.name", destination.Name);
        activity?.SetTag("messaging.message.id", cloudEvent.Id);
        return activity;
    }
}

/// <summary>How far one destination has taken the outbox.</summary>
internal sealed record RelayCursor(string Destination, long Delivered)
{
    public const string Collection = "_relay";
}
