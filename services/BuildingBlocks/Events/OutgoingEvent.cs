namespace Samverkan.Events;

/// <summary>
/// A change to announce: <paramref name="Type"/> names entity, change and version
/// (<c>samverkan.forum.updated.v1</c>), <paramref name="Subject"/> is the entity id and
/// <paramref name="Data"/> the full resource after the change, or a tombstone for a removal.
/// </summary>
public sealed record OutgoingEvent(string Type, string Subject, object Data);

/// <summary>What a removal event carries: the id, and that it is gone.</summary>
public sealed record Tombstone(string Id, bool Deleted = true);
