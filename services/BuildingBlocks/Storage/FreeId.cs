using Samverkan.Text;

namespace Samverkan.Storage;

/// <summary>
/// Readable ids for new entries that stay unique when creates race: the insert itself is the
/// check. Looking first and inserting after is not enough, since two creates of the same name
/// both see the id free; the one whose insert collides tries again with a suffixed id.
/// </summary>
public static class FreeId
{
    /// <summary>How many ids are tried before the collision is left to answer 409 (suffixes are random: a second collision is already unlikely).</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// Runs <paramref name="commit"/> with <paramref name="idBase"/>, or with
    /// <see cref="Slug.WithSuffix"/> of it when that id is taken, and again with a new suffix
    /// whenever the commit fails because its insert into <paramref name="collection"/> met an
    /// entry committed meanwhile. The commit must insert under the id it is given, and be
    /// all-or-nothing, so an attempt that collides leaves nothing behind.
    /// </summary>
    /// <returns>What the successful commit returned.</returns>
    public static async Task<TResult> CommitWithFreeIdAsync<T, TResult>(
        this DocumentCollection<T> collection, string idBase, Func<string, Task<TResult>> commit, CancellationToken cancellationToken = default)
        where T : class
    {
        // A look first spares a failed transaction when the plain id is long taken.
        var id = await collection.GetAsync(idBase, cancellationToken) is null ? idBase : Slug.WithSuffix(idBase);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await commit(id);
            }
            catch (DuplicateDocumentException e) when (e.Collection == collection.Name && e.Id == id && attempt < MaxAttempts)
            {
                id = Slug.WithSuffix(idBase);
            }
        }
    }
}
