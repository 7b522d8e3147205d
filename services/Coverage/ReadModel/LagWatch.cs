namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Notices a producer whose events stop arriving without leaving a gap (its relay to this
/// service stalled, or delivers nowhere): a gap needs a later event to show, a stall shows only
/// by asking the producer how far it has written. Behind is not stalled: a relay catching up
/// moves the model forward, so only a position the producer had reached <see cref="RebuildOptions.LagGrace"/>
/// ago and the model still has not counts (not thread-safe: the rebuild loop alone uses it).
/// </summary>
public sealed class LagWatch
{
    private readonly Dictionary<string, (long Producer, DateTimeOffset Since)> _behind = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes the producer's position as it answered it now, and says whether the model has stayed
    /// below a position the producer had reached at least <paramref name="grace"/> ago.
    /// </summary>
    public bool Stalled(string topic, long producer, long model, DateTimeOffset now, TimeSpan grace)
    {
        if (model >= producer)
        {
            _behind.Remove(topic);
            return false;
        }
        if (_behind.TryGetValue(topic, out var behind) && model < behind.Producer)
        {
            return now - behind.Since >= grace;
        }
        // Behind for the first time, or the model reached what it lacked before: events are flowing, so wait from now.
        _behind[topic] = (producer, now);
        return false;
    }

    /// <summary>Forgets the topic once a snapshot has brought the model up to the producer.</summary>
    public void Reset(string topic) => _behind.Remove(topic);
}
