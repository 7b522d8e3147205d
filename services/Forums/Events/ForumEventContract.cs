namespace Samverkan.Forums.Events;

// The contract consumers compile against: linked into a consumer's project (as a .proto is),
// never copied, and dependent on the base library only. No access modifier here: the
// producer's part makes the class public, in a consumer it stays internal.

/// <summary>
/// The event types this service publishes on topic <c>forums</c>. Created and updated carry the
/// forum as the API answers it; deleted carries a tombstone (<c>{"id": ..., "deleted": true}</c>).
/// </summary>
static partial class ForumEvents
{
    public const string Created = "samverkan.forum.created.v1";
    public const string Updated = "samverkan.forum.updated.v1";
    public const string Deleted = "samverkan.forum.deleted.v1";

    public static IReadOnlyList<string> All { get; } = [Created, Updated, Deleted];
}
