namespace Samverkan.Subscriptions.Extensions;

public static class ApplicationServiceExtensions
{
    // The change feed and webhook subscriptions register here when they arrive (see README.md);
    // until then the service runs on the defaults alone: its own storage, health and gRPC health.
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder) => builder;
}
