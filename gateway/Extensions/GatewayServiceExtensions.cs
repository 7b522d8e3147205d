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

    /// <summary>
    /// For the services' OpenAPI documents: a service builds its document on the first request,
    /// which on a loaded machine took longer than the 10 s other calls to services get (a 502 seen
    /// twice in CI), so this one waits up to 60 s.
    /// </summary>
    public const string DocumentsClient = "service-documents";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        // Routes and clusters live only in configuration (section ReverseProxy); nothing is routed from code.
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .ResolveClusterAddresses(builder)
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
        builder.Services.AddHttpClient(DocumentsClient, client => client.Timeout = TimeSpan.FromSeconds(60));
        builder.AddForwardedClientAddress();
        builder.AddClientRateLimits();
        builder.AddCrossOrigin();
        return builder;
    }
}
