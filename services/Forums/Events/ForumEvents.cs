using Samverkan.Events;
using Samverkan.Forums.Model;

namespace Samverkan.Forums.Events;

/// <summary>
/// The events this service publishes on topic <see cref="Topics.Forums"/>. Data is the forum as
/// the API answers it; a participant's <c>institutionName</c> is null where it was not known at
/// the time (the seed is loaded before the Institutions service may be up). The type constants
/// are in the linked contract (<c>ForumEventContract.cs</c>).
/// </summary>
public static partial class ForumEvents
{
    public static OutgoingEvent Announce(string type, ForumResponse forum) => new(type, forum.Id, forum);

    public static OutgoingEvent Seeded(Forum forum) =>
        Announce(Created, ForumResponse.From(forum, 1, new Dictionary<string, InstitutionName>()));

    public static OutgoingEvent Tombstone(string id) => new(Deleted, id, new Tombstone(id));
}
