namespace Samverkan.Storage.Leases;

/// <summary>A store whose every commit carries the hold's <see cref="LeaseFence"/>, placed last so the versions returned keep their places.</summary>
internal sealed class FencedDocumentStore(IDocumentStore inner, LeaseHold hold) : IDocumentStore
{
    public Task<StoredDocument?> FindAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.FindAsync(collection, id, cancellationToken);

    public IAsyncEnumerable<StoredDocument> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(collection, query, cancellationToken);

    public async Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        try
        {
            var versions = await inner.CommitAsync([.. writes, hold.Grant.Fence], cancellationToken);
            return versions.Take(writes.Count).ToList();
        }
        catch (LeaseLostException)
        {
            hold.Lose();
            throw;
        }
    }

    public Task ForgetOldVersionsAsync(CancellationToken cancellationToken = default) => inner.ForgetOldVersionsAsync(cancellationToken);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
