using Samverkan.Events;
using Samverkan.Regions.Events;
using Samverkan.Regions.Model;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Regions.Apis;

/// <summary>How a region is written: shown with every membership, announced with the event of the action.</summary>
public sealed class RegionResource : IWritableResource<Region>
{
    public string Kind => "region";

    public string Title => "healthcare region";

    public ValueTask<object> ShowAsync(Versioned<Region> stored, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(RegionResponse.From(stored.Value, stored.Version));

    /// <summary>Regions are set by ordinance: never created or removed through the API, only their memberships change.</summary>
    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<Region>? after, object? shown) => action switch
    {
        WriteActions.Updated => [RegionEvents.Announce(RegionEvents.Updated, after!.Value, after.Version)],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action on regions."),
    };
}
