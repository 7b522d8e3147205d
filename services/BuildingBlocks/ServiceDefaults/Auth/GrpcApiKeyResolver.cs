using Microsoft.Extensions.Caching.Memory;
using Samverkan.Subscriptions.Protos;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Asks Subscriptions about a key and remembers the answer for a short while, so a partner's
/// requests do not each cost a call. The price: a revoked key keeps working in other processes
/// for up to <see cref="RememberValid"/>.
/// </summary>
internal sealed class GrpcApiKeyResolver(ApiKeyDirectory.ApiKeyDirectoryClient directory, IMemoryCache cache) : IApiKeyResolver
{
    public static readonly TimeSpan RememberValid = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RememberInvalid = TimeSpan.FromSeconds(5);

    public async Task<ApiKeyIdentity?> ResolveAsync(string keyId, string secretHash, CancellationToken cancellationToken)
    {
        var cacheKey = $"api-key:{keyId}:{secretHash}";
        if (cache.TryGetValue(cacheKey, out ApiKeyIdentity? known))
        {
            return known;
        }
        var reply = await directory.ResolveAsync(new ResolveApiKeyRequest { KeyId = keyId, SecretHash = secretHash }, cancellationToken: cancellationToken);
        var identity = reply.Valid ? new ApiKeyIdentity(keyId, reply.Partner, reply.PersonalData) : null;
        cache.Set(cacheKey, identity, identity is null ? RememberInvalid : RememberValid);
        return identity;
    }
}
