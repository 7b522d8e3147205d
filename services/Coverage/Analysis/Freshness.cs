using Samverkan.Coverage.ReadModel;
using Samverkan.Events;

namespace Samverkan.Coverage.Analysis;

/// <summary>One producer's part of <see cref="Freshness"/>: the last event sequence applied (all up to it), whether some are missing, when it last spoke.</summary>
public sealed record ProducerFreshness(string Producer, long Position, bool Gap, DateTimeOffset? SnapshotAt, DateTimeOffset? LastEventAt);

/// <summary>
/// How current the read model behind an answer is: per producer the last event position applied,
/// and the data age, the time since the model last changed (an answer is as old as its newest
/// change; a quiet registry has an old age and no gap).
/// </summary>
public sealed record Freshness(DateTimeOffset? ChangedAt, double? AgeSeconds, IReadOnlyList<ProducerFreshness> Producers)
{
    public static Freshness Of(ModelState state, DateTimeOffset now) => new(
        state.ChangedAt,
        state.ChangedAt is { } at ? Math.Round((now - at).TotalSeconds, 3) : null,
        [.. Topics.All.Select(state.PositionOf).Select(p => new ProducerFreshness(p.Topic, p.Position, p.GapSince is not null, p.SnapshotAt, p.LastEventAt))]);
}
