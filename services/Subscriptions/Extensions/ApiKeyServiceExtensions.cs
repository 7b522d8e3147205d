using Microsoft.Extensions.DependencyInjection.Extensions;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Subscriptions.Keys;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Extensions;

public static class ApiKeyServiceExtensions
{
    /// <summary>
    /// Partner API keys, stored here. Must run after AddServiceDefaults: it replaces the gRPC
    /// resolver every process gets (which would call this very service) with one reading the store.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(provider => new DocumentCollection<ApiKey>(
            provider.GetRequiredService<IDocumentStore>(), "api-keys", key => key.Id, key => [ApiKey.PartnerTag(key.Partner)]));
        builder.Services.RemoveAll<IApiKeyResolver>();
        builder.Services.AddSingleton<IApiKeyResolver, StoredApiKeyResolver>();
        return builder;
    }
}
