namespace Samverkan.Contacts.Events;

// The contract consumers compile against: this file is linked into each consumer's project
// (as a .proto is), never copied, and depends on the base library only. No access modifier
// here: the producer's part makes the class public, in a consumer it stays internal.

/// <summary>
/// The event types this service publishes on topic <c>contacts</c>. Created, updated and
/// verified carry the whole contact (personal data included: consumers are trusted internal
/// services, and Subscriptions filters per subscriber); erased carries a tombstone
/// (<c>{"id": ..., "deleted": true}</c>) and no personal data.
/// </summary>
static partial class ContactEvents
{
    public const string Created = "samverkan.contact.created.v1";
    public const string Updated = "samverkan.contact.updated.v1";
    public const string Verified = "samverkan.contact.verified.v1";
    public const string Erased = "samverkan.contact.erased.v1";

    public static IReadOnlyList<string> All { get; } = [Created, Updated, Verified, Erased];
}
