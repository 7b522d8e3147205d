using Samverkan.Gateway.Apis;
using Samverkan.Gateway.Security;
using Samverkan.Gateway.Topology;
using Samverkan.ServiceDefaults.Protocol;
using Yarp.ReverseProxy.Transforms;

namespace Samverkan.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    /// <summary>Named client for the gateway's own calls to the services (health probes, OpenAPI documents).</summary>
    public const string ServicesClient = "services";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        // Routes and clusters live only in configuration (section ReverseProxy); nothing is routed from code.
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // A HEAD is routed here as a GET (HeadRequests); the service is asked with a HEAD, so it
            // sends no body for the gateway to throw away.
            .AddTransforms(transforms => transforms.AddRequestTransform(transform =>
            {
                if (transform.HttpContext.ArrivedAsHead())
                {
                    transform.ProxyRequest.Method = HttpMethod.Head;
                }
                return ValueTask.CompletedTask;
            }));
        builder.Services.AddSingleton<ServiceTopology>();
        builder.Services.AddSingleton<SlowProbes>();
        builder.Services.AddHttpClient(ServicesClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.AddForwardedClientAddress();
        builder.AddClientRateLimits();
        builder.AddCrossOrigin();
        return builder;
    }
}
