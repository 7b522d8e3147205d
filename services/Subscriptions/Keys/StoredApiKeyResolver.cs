using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Keys;

/// <summary>
/// Checks an API key against the stored keys: Subscriptions owns them, so it reads its own store
/// (no cache: a revocation holds here at once) and serves the same answer to the other processes
/// over gRPC (<see cref="Grpc.ApiKeyDirectoryService"/>).
/// </summary>
public sealed class StoredApiKeyResolver(DocumentCollection<ApiKey> keys) : IApiKeyResolver
{
    public async Task<ApiKeyIdentity?> ResolveAsync(string keyId, string secretHash, CancellationToken cancellationToken)
    {
        var stored = await keys.GetAsync(keyId, cancellationToken);
        return stored is { Value: { IsRevoked: false } key } && ApiKeyFormat.Matches(key.SecretHash, secretHash)
            ? new ApiKeyIdentity(key.Id, key.Partner, key.PersonalData)
            : null;
    }
}
