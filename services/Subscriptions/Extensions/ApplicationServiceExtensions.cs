using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Storage.Hosting;
using Samverkan.Subscriptions.Apis;
using Samverkan.Subscriptions.Model;
using Samverkan.Writes;

namespace Samverkan.Subscriptions.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddRequestExamples(RequestExamples.Register);
        builder.AddChangeFeed();
        builder.AddWebhooks();
        builder.AddApiKeys();
        builder.Services.AddVersionedWrites<WebhookSubscription, SubscriptionResource>();
        builder.Services.AddVersionedWrites<ApiKey, ApiKeyResource>();
        return builder;
    }
}
