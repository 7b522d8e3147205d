using System.Collections.Concurrent;
using System.Collections.Immutable;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// One immutable version of the read model. A change makes a new state and swaps it in
/// (<see cref="CoverageReadModel"/>), so a request computes from one consistent version while
/// events are applied, and everything derived from a state (indexes, answers) is cached on it
/// and dropped with it (indexes of parts that did not change are handed on, see ModelIndexes).
/// </summary>
public sealed class ModelState
{
    // A date's answers are about twenty (per region: full, summary, reach; the overview): room for a few dates, not for every date asked.
    private const int MaxCachedAnswers = 32;
    private readonly ConcurrentDictionary<AnswerKey, object> _answers = new();

    public ModelState(
        ImmutableDictionary<string, Held<RegionRecord>> regions,
        ImmutableDictionary<string, Held<InstitutionRecord>> institutions,
        ImmutableDictionary<string, Held<Forum>> forums,
        ImmutableDictionary<string, Held<ContactRecord>> contacts,
        ImmutableDictionary<string, ProducerPosition> positions,
        int contactStaleAfterMonths,
        long version,
        DateTimeOffset? changedAt,
        ModelState? previous = null,
        string? changedForum = null)
    {
        Regions = regions;
        Institutions = institutions;
        Forums = forums;
        Contacts = contacts;
        Positions = positions;
        ContactStaleAfterMonths = contactStaleAfterMonths;
        Version = version;
        ChangedAt = changedAt;
        Indexes = ModelIndexes.For(this, previous, changedForum);
    }

    public static ModelState Empty { get; } = new(
        ImmutableDictionary.Create<string, Held<RegionRecord>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Held<InstitutionRecord>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Held<Forum>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, Held<ContactRecord>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ProducerPosition>(StringComparer.Ordinal),
        contactStaleAfterMonths: 24, version: 0, changedAt: null);

    public ImmutableDictionary<string, Held<RegionRecord>> Regions { get; }
    public ImmutableDictionary<string, Held<InstitutionRecord>> Institutions { get; }
    public ImmutableDictionary<string, Held<Forum>> Forums { get; }
    public ImmutableDictionary<string, Held<ContactRecord>> Contacts { get; }
    public ImmutableDictionary<string, ProducerPosition> Positions { get; }

    /// <summary>The Contacts service's <c>Contacts:StaleAfterMonths</c>, as its last snapshot sent it.</summary>
    public int ContactStaleAfterMonths { get; }

    /// <summary>Counts every change applied since the process started; answers are cached per version.</summary>
    public long Version { get; }

    /// <summary>When the last change was applied (an event or a snapshot).</summary>
    public DateTimeOffset? ChangedAt { get; }

    public ModelIndexes Indexes { get; }

    public ProducerPosition PositionOf(string topic) => Positions.GetValueOrDefault(topic) ?? ProducerPosition.Empty(topic);

    /// <summary>An answer computed once per state and key; the cache is bounded, since <c>asOf</c> can take many values.</summary>
    public T Answer<T>(AnswerKey key, Func<T> compute) where T : class
    {
        if (_answers.TryGetValue(key, out var cached))
        {
            return (T)cached;
        }
        if (_answers.Count >= MaxCachedAnswers)
        {
            _answers.Clear();
        }
        return (T)_answers.GetOrAdd(key, _ => compute());
    }

    public ModelState With(
        ImmutableDictionary<string, Held<RegionRecord>>? regions = null,
        ImmutableDictionary<string, Held<InstitutionRecord>>? institutions = null,
        ImmutableDictionary<string, Held<Forum>>? forums = null,
        ImmutableDictionary<string, Held<ContactRecord>>? contacts = null,
        ImmutableDictionary<string, ProducerPosition>? positions = null,
        int? contactStaleAfterMonths = null,
        DateTimeOffset? changedAt = null,
        string? changedForum = null) =>
        new(regions ?? Regions, institutions ?? Institutions, forums ?? Forums, contacts ?? Contacts, positions ?? Positions,
            contactStaleAfterMonths ?? ContactStaleAfterMonths, Version + 1, changedAt ?? ChangedAt, previous: this,
            changedForum: forums is null ? null : changedForum);
}

/// <summary>What an answer is cached under: its kind (region, national, reach, ...), its subject and the date asked about.</summary>
public readonly record struct AnswerKey(string Kind, string Subject, DateOnly AsOf);
