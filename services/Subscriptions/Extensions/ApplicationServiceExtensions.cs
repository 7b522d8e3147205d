using Samverkan.Storage.Hosting;

namespace Samverkan.Subscriptions.Extensions;

public static class ApplicationServiceExtensions
{
    // The change feed and webhook subscriptions register here when they arrive (see README.md);
    // until then the service has its own storage, health and gRPC health, and nothing else.
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        return builder;
    }
}
