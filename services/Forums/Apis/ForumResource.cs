using Samverkan.Events;
using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Forums.Apis;

/// <summary>
/// How a forum is written: shown (and audited, and announced) as the API shows it, with the
/// participating institutions' current names; removed with a tombstone.
/// </summary>
public sealed class ForumResource(InstitutionNames names) : IWritableResource<Forum>
{
    public const string MeetingRecorded = "meeting-recorded";

    public string Kind => "forum";

    public async ValueTask<object> ShowAsync(Versioned<Forum> stored, CancellationToken cancellationToken) =>
        ForumResponse.From(stored.Value, stored.Version, await names.ForAsync([stored.Value], cancellationToken));

    /// <summary>Every change but creation and removal (an update, a recorded meeting) is announced as an update.</summary>
    public IReadOnlyList<OutgoingEvent> Announce(string action, string id, Versioned<Forum>? after, object? shown) => action switch
    {
        WriteActions.Deleted => [ForumEvents.Tombstone(id)],
        WriteActions.Created => [ForumEvents.Announce(ForumEvents.Created, (ForumResponse)shown!)],
        _ => [ForumEvents.Announce(ForumEvents.Updated, (ForumResponse)shown!)],
    };

    public Validation? ValidateStored(Forum value) => ForumValidation.ValidateStored(value, new Validation());
}
