namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// How far the read model has taken one producer's events (topic <see cref="Topic"/>).
/// <see cref="Position"/>: every event up to it is reflected (applied, or covered by a snapshot).
/// <see cref="Pending"/>: events applied above a gap. <see cref="Floor"/>: the position of the last
/// snapshot; an event at or below it is already in the snapshot and is ignored.
/// <see cref="Rebuilding"/> is set while a snapshot is being written, so a crash in the middle is
/// followed by a new snapshot at the next start. <see cref="ContactStaleAfterMonths"/> is the
/// setting the Contacts service sends with its snapshot (null for the other producers).
/// </summary>
public sealed record ProducerPosition(
    string Topic,
    long Position,
    long Floor,
    IReadOnlyList<long> Pending,
    DateTimeOffset? GapSince,
    DateTimeOffset? SnapshotAt,
    DateTimeOffset? LastEventAt,
    bool Rebuilding,
    int? ContactStaleAfterMonths = null,
    long StoreVersion = 0)
{
    public static ProducerPosition Empty(string topic) => new(topic, 0, 0, [], null, null, null, Rebuilding: false);

    /// <summary>Whether a snapshot has ever been taken: until then the model may miss what the producer wrote before it subscribed.</summary>
    public bool Built => SnapshotAt is not null && !Rebuilding;

    public long Highest => Pending.Count == 0 ? Position : Math.Max(Position, Pending[^1]);

    /// <summary>Position after the event at <paramref name="sequence"/> was applied: the gap closes when the missing ones arrive.</summary>
    public ProducerPosition Applied(long sequence, DateTimeOffset at)
    {
        var drained = Drain(Position, Pending.Append(sequence));
        return drained with { GapSince = drained.Pending.Count == 0 ? null : GapSince ?? at, LastEventAt = at };
    }

    /// <summary>Position after a snapshot taken at <paramref name="at"/>: everything up to <paramref name="snapshot"/> is reflected.</summary>
    public ProducerPosition Snapshotted(long snapshot, DateTimeOffset at)
    {
        var drained = Drain(Math.Max(Position, snapshot), Pending.Where(p => p > snapshot));
        return drained with { Floor = snapshot, GapSince = drained.Pending.Count == 0 ? null : at, SnapshotAt = at, Rebuilding = false };
    }

    /// <summary>An event at or below the last snapshot's position is in the snapshot already.</summary>
    public bool Admits(long sequence) => sequence > Floor;

    private ProducerPosition Drain(long position, IEnumerable<long> applied)
    {
        var pending = new SortedSet<long>(applied);
        while (pending.Count > 0 && pending.Min <= position + 1)
        {
            position = Math.Max(position, pending.Min);
            pending.Remove(pending.Min);
        }
        return this with { Position = position, Pending = [.. pending] };
    }
}
