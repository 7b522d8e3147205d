namespace Samverkan.Regions.Events;

// The contract consumers compile against: linked into a consumer's project (as a .proto is),
// never copied, and dependent on the base library only. No access modifier here: the
// producer's part makes the class public, in a consumer it stays internal.

/// <summary>The event types this service publishes on topic <c>regions</c>; data is the region as the API answers it.</summary>
static partial class RegionEvents
{
    public const string Created = "samverkan.region.created.v1";

    public static IReadOnlyList<string> All { get; } = [Created];
}
