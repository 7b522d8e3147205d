using Grpc.Core;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Subscriptions.Protos;

namespace Samverkan.Subscriptions.Grpc;

/// <summary>
/// The key directory every other process asks (GrpcApiKeyResolver, which caches answers for
/// 30 s). It hears only a key id and the secret's hash, and answers only whether they make a
/// valid key and whose: nothing it says helps guess a key.
/// </summary>
public sealed class ApiKeyDirectoryService(IApiKeyResolver resolver) : ApiKeyDirectory.ApiKeyDirectoryBase
{
    public override async Task<ResolveApiKeyReply> Resolve(ResolveApiKeyRequest request, ServerCallContext context)
    {
        var identity = await resolver.ResolveAsync(request.KeyId, request.SecretHash, context.CancellationToken);
        return identity is null
            ? new ResolveApiKeyReply { Valid = false }
            : new ResolveApiKeyReply { Valid = true, Partner = identity.Partner, PersonalData = identity.PersonalData };
    }
}
