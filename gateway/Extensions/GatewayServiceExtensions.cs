using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.Gateway.Topology;
using Samverkan.ServiceDefaults;
using Samverkan.Storage;

namespace Samverkan.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    /// <summary>Named client for the gateway's own calls to the services (health probes, OpenAPI documents).</summary>
    public const string ServicesClient = "services";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.RemoveStorage();
        builder.Services.AddAuthorization(options => options.AddPolicy(GatewayPolicies.PublicRead, GatewayPolicies.AllowAnyone));
        // Routes and clusters live only in configuration (section ReverseProxy); nothing is routed from code.
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<ServiceTopology>();
        builder.Services.AddHttpClient(ServicesClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }

    // AddServiceDefaults registers a document store and a readiness check on it. The gateway owns
    // no data, and its readiness is the platform's (see PlatformHealthApi), so both are taken out
    // again: nothing opens a database file on the gateway's behalf.
    private static void RemoveStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.RemoveAll<IDocumentStore>();
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            var storageChecks = options.Registrations.Where(check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag)).ToList();
            foreach (var check in storageChecks)
            {
                options.Registrations.Remove(check);
            }
        });
    }
}
