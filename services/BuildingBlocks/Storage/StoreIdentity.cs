namespace Samverkan.Storage;

/// <summary>
/// Which store this is: a random id and the time the store was first initialised. Kept inside
/// the store and, through an <see cref="IStoreMarker"/>, outside it, so that a start can tell a
/// true first start from a store whose data is gone.
/// </summary>
public sealed record StoreIdentity(Guid StoreId, DateTimeOffset InitialisedAt)
{
    public override string ToString() => InitialisedAt == DateTimeOffset.MinValue
        ? $"store id {StoreId}"
        : $"store id {StoreId}, initialised {InitialisedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC";
}
