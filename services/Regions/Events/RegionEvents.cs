using Samverkan.Events;
using Samverkan.Regions.Model;

namespace Samverkan.Regions.Events;

/// <summary>The events this service publishes on topic <see cref="Topics.Regions"/>. Regions change only by seed so far.</summary>
public static class RegionEvents
{
    public const string Created = "samverkan.region.created.v1";

    public static OutgoingEvent Announce(string type, Region region, long version) =>
        new(type, region.Id, RegionResponse.From(region, version));
}
