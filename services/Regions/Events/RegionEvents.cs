using Samverkan.Events;
using Samverkan.Regions.Model;

namespace Samverkan.Regions.Events;

/// <summary>
/// The events this service publishes on topic <see cref="Topics.Regions"/>. Regions are loaded
/// from the seed; national staff change their memberships. The type constants are in the linked contract (<c>RegionEventContract.cs</c>).
/// </summary>
public static partial class RegionEvents
{
    public static OutgoingEvent Announce(string type, Region region, long version) =>
        new(type, region.Id, RegionResponse.From(region, version));
}
