using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults.Grpc;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client for another service, addressed by <c>Services:{service}:Grpc</c>. Plaintext
    /// HTTP/2 inside the platform; the call fails fast (and the caller answers 503) when the
    /// other service is down, rather than hanging a user's request.
    /// </summary>
    public static IHostApplicationBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : class
    {
        var address = builder.Configuration[$"Services:{service}:Grpc"]
            ?? throw new InvalidOperationException($"Configuration Services:{service}:Grpc is missing.");
        builder.Services.AddGrpcClient<TClient>(options => options.Address = new Uri(address))
            .ConfigureChannel(channel => channel.MaxRetryAttempts = 2);
        return builder;
    }
}
