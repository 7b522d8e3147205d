using System.Collections.Immutable;
using Samverkan.Coverage.Model;
using Samverkan.Events;
using Samverkan.Storage;

namespace Samverkan.Coverage.ReadModel;

/// <summary>
/// Where the read model is kept in this service's own store: one collection per producer's
/// entity (each document the record, the producer's sequence that wrote it, or a tombstone)
/// and one document per producer with its position. Read once at start into memory.
/// </summary>
public sealed class ReadModelStore(IDocumentStore store)
{
    public IDocumentStore Store => store;

    public DocumentCollection<HeldDocument<RegionRecord>> Regions { get; } = new(store, "regions", held => held.Id);
    public DocumentCollection<HeldDocument<InstitutionRecord>> Institutions { get; } = new(store, "institutions", held => held.Id);
    public DocumentCollection<HeldDocument<Forum>> Forums { get; } = new(store, "forums", held => held.Id);
    public DocumentCollection<HeldDocument<ContactRecord>> Contacts { get; } = new(store, "contacts", held => held.Id);
    public DocumentCollection<ProducerPosition> Positions { get; } = new(store, "positions", position => position.Topic);

    public async Task<ModelState> LoadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var positions = await Positions.QueryAsync(cancellationToken: ct)
            .ToDictionaryAsync(stored => stored.Value.Topic, stored => stored.Value with { StoreVersion = stored.Version }, StringComparer.Ordinal, ct);
        var stale = positions.GetValueOrDefault(Topics.Contacts)?.ContactStaleAfterMonths;
        return new ModelState(
            await MapAsync(Regions, ct), await MapAsync(Institutions, ct), await MapAsync(Forums, ct), await MapAsync(Contacts, ct),
            positions.ToImmutableDictionary(StringComparer.Ordinal), stale ?? ModelState.Empty.ContactStaleAfterMonths, version: 1,
            changedAt: positions.Count == 0 ? null : now);
    }

    private static async Task<ImmutableDictionary<string, Held<T>>> MapAsync<T>(DocumentCollection<HeldDocument<T>> collection, CancellationToken ct)
        where T : class
    {
        var builder = ImmutableDictionary.CreateBuilder<string, Held<T>>(StringComparer.Ordinal);
        await foreach (var stored in collection.QueryAsync(cancellationToken: ct))
        {
            builder[stored.Value.Id] = new Held<T>(stored.Value.Id, stored.Value.Value, stored.Value.Sequence, stored.Version);
        }
        return builder.ToImmutable();
    }
}
