using Samverkan.Storage.Hosting;

namespace Samverkan.Subscriptions.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.AddChangeFeed();
        builder.AddWebhooks();
        builder.AddApiKeys();
        return builder;
    }
}
