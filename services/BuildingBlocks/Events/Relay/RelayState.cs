using System.Collections.Concurrent;
using Samverkan.Storage.Leases;

namespace Samverkan.Events.Relay;

/// <summary>Where each destination stands, for health, metrics and trimming.</summary>
public sealed class RelayState
{
    private readonly ConcurrentDictionary<string, DestinationState> _destinations = new(StringComparer.Ordinal);

    public IReadOnlyCollection<DestinationState> Destinations => _destinations.Values.ToList();

    public DestinationState For(string destination) => _destinations.GetOrAdd(destination, name => new DestinationState(name));

    /// <summary>The lease grant this replica relays under; null while another replica relays (then no destination is listed).</summary>
    public LeaseGrant? Holding { get; private set; }

    internal void Hold(LeaseGrant grant) => Holding = grant;

    /// <summary>The lease ended: what this replica knew of the destinations is stale, and the next holder reports its own.</summary>
    internal void Standby()
    {
        Holding = null;
        _destinations.Clear();
    }

    /// <summary>Every destination has delivered up to this sequence; null until all have loaded their cursor.</summary>
    public long? DeliveredEverywhere(int expectedDestinations) =>
        _destinations.Count < expectedDestinations || _destinations.Values.Any(d => !d.Loaded)
            ? null
            : _destinations.Values.Min(d => d.Delivered);
}

public sealed class DestinationState(string name)
{
    public string Name { get; } = name;
    public bool Loaded { get; set; }
    public long Delivered { get; set; }
    /// <summary>When the oldest event this destination has not yet taken was written; null when it is up to date.</summary>
    public DateTimeOffset? OldestUndelivered { get; set; }
    public int FailedAttempts { get; set; }
    public long DeliveredCount { get; set; }
    /// <summary>Events this destination refused for good that are kept for an operator (<see cref="Relay.DeadLetters"/>).</summary>
    public int DeadLetters { get; set; }
}
