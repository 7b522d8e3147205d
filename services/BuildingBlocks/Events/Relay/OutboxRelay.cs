using System.Diagnostics;
using System.Text;
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
            if (batch.Count == 0)
            {
                status.OldestUndelivered = null;
                await trimmer.TrimAsync(fenced, state.DeliveredEverywhere(destinationCount), idle: true, ct);
                await SignalWaiting.WaitAnyAsync(_options.PollInterval, ct, next);
                continue;
            }
            var pending = batch.Select(record => Pending.From(record)).ToList();
            foreach (var request in DeliveryBatches.Cut(pending, p => p.Bytes, _options.BatchSize))
            {
                await DeliverAsync(fenced, destination, request, status, ct);
            }
            version = version is null
                ? (await cursors.InsertAsync(new RelayCursor(destination.Name, status.Delivered), ct)).Version
                : (await cursors.ReplaceAsync(new RelayCursor(destination.Name, status.Delivered), version.Value, ct)).Version;
            await trimmer.TrimAsync(fenced, state.DeliveredEverywhere(destinationCount), idle: false, ct);
        }
    }

    /// <summary>
    /// Sends one request's events until each is taken or refused for good, backing off between
    /// attempts (a destination nobody listens at is tried every UnreachableRetryDelay instead);
    /// after a partial answer only the events from the first one not taken go again,
    /// so the order per destination holds and nothing is skipped.
    /// </summary>
    private async Task DeliverAsync(IDocumentStore fenced, IEventDestination destination, IReadOnlyList<Pending> request, DestinationState status, CancellationToken ct)
    {
        var delay = _options.FirstRetryDelay;
        var left = request;
        while (true)
        {
            status.OldestUndelivered = left[0].Delivery.Event.Time;
            IReadOnlyList<DeliveryResult> results;
            using (var activity = StartDelivery(left, destination))
            {
                results = await destination.DeliverAsync(source.Topic, [.. left.Select(p => p.Delivery)], ct);
                activity?.SetTag("samverkan.delivery.taken", results.TakeWhile(r => r.Outcome != DeliveryOutcome.Retry).Count());
            }
            var settled = 0;
            foreach (var (pending, result) in left.Zip(results))
            {
                if (result.Outcome == DeliveryOutcome.Retry)
                {
                    break;
                }
                await SettleAsync(fenced, destination, pending, result, status, ct);
                settled++;
            }
            if (settled == left.Count)
            {
                return;
            }
            left = [.. left.Skip(settled)];
            status.FailedAttempts++;
            var unreachable = results[settled].Unreachable;
            await Task.Delay(unreachable && _options.UnreachableRetryDelay < delay ? _options.UnreachableRetryDelay : delay, clock, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private async Task SettleAsync(IDocumentStore fenced, IEventDestination destination, Pending pending, DeliveryResult result, DestinationState status, CancellationToken ct)
    {
        var cloudEvent = pending.Delivery.Event;
        if (result.Outcome == DeliveryOutcome.Refused)
        {
            await deadLetters.RecordAsync(fenced, destination.Name, pending.Sequence, cloudEvent, pending.Delivery.Json, result.Reason, ct);
            metrics.Refused(destination.Name);
            logger.LogError("{Destination} refused {EventId} ({Reason}); kept as a dead letter", destination.Name, cloudEvent.Id, result.Reason);
        }
        else
        {
            status.DeliveredCount++;
            metrics.Delivered(destination.Name, clock.GetUtcNow() - cloudEvent.Time);
        }
        // The cursor passes the event either way: taken, or kept for an operator.
        status.Delivered = pending.Sequence;
        status.FailedAttempts = 0;
    }

    /// <summary>The sequence is the outbox number, known only once the append committed, so it joins the event here.</summary>
    private static string WithSequence(string json, long sequence)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["sequence"] = CloudEventSequence.Format(sequence);
        return node.ToJsonString(CloudEvent.JsonOptions);
    }

    /// <summary>
    /// A delivery span in the trace of the write that caused the first event, linked to the
    /// traces of the others: one request carries them all.
    /// </summary>
    private static Activity? StartDelivery(IReadOnlyList<Pending> request, IEventDestination destination)
    {
        var traces = request.Select(p => ActivityContext.TryParse(p.Delivery.Event.TraceParent, null, out var trace) ? trace : default).ToList();
        var first = request[0].Delivery.Event;
        var name = request.Count == 1 ? $"deliver {first.Type}" : $"deliver {request.Count} events";
        var links = traces.Skip(1).Where(trace => trace != default).Select(trace => new ActivityLink(trace));
        var activity = Activities.StartActivity(ActivityKind.Producer, traces[0], links: links, name: name);
        activity?.SetTag("messaging.destination.name", destination.Name);
        activity?.SetTag("messaging.batch.message_count", request.Count);
        activity?.SetTag("messaging.message.id", first.Id);
        return activity;
    }

    /// <summary>An outbox record on its way: its sequence, the event with it, and its size on the wire.</summary>
    private sealed record Pending(long Sequence, OutgoingDelivery Delivery, int Bytes)
    {
        public static Pending From(StoredDocument record)
        {
            var sequence = SequenceId.Parse(record.Id);
            var json = WithSequence(record.Json, sequence);
            return new Pending(sequence, OutgoingDelivery.From(json), Encoding.UTF8.GetByteCount(json));
        }
    }
}

/// <summary>How far one destination has taken the outbox.</summary>
internal sealed record RelayCursor(string Destination, long Delivered)
{
    public const string Collection = "_relay";
}
