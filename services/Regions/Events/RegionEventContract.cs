namespace Samverkan.Regions.Events;

// The contract consumers compile against: linked into a consumer's project (as a .proto is),
// never copied, and dependent on the base library only. No access modifier here: the
// producer's part makes the class public, in a consumer it stays internal.

/// <summary>
/// The event types this service publishes on topic <c>regions</c>; data is the region with every
/// membership and its period (<c>from</c>/<c>to</c>, both days included, null for an open end).
/// </summary>
static partial class RegionEvents
{
    /// <summary>Loaded from the seed on first start.</summary>
    public const string Created = "samverkan.region.created.v1";

    /// <summary>Its memberships were changed by national staff.</summary>
    public const string Updated = "samverkan.region.updated.v1";

    public static IReadOnlyList<string> All { get; } = [Created, Updated];
}
