using Samverkan.Gateway.Security;
using Samverkan.Gateway.Topology;

namespace Samverkan.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    /// <summary>Named client for the gateway's own calls to the services (health probes, OpenAPI documents).</summary>
    public const string ServicesClient = "services";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        // Routes and clusters live only in configuration (section ReverseProxy); nothing is routed from code.
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddSingleton<ServiceTopology>();
        builder.Services.AddHttpClient(ServicesClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.AddClientRateLimits();
        builder.AddCrossOrigin();
        return builder;
    }
}
