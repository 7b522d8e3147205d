namespace Samverkan.Events.Tests.Support;

public enum ForumState
{
    Active,
    LongDormant,
}

/// <summary>A resource as a service would announce it: PascalCase members and an enum, as the API serializes them.</summary>
public sealed record SampleForum(string Id, string DisplayName, ForumState State, long Version)
{
    public static OutgoingEvent Updated(string id, string name = "Regional forum", ForumState state = ForumState.LongDormant) =>
        new("samverkan.forum.updated.v1", id, new SampleForum(id, name, state, 1));
}
