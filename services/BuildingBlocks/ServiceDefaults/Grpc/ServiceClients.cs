using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Grpc;

public static class ServiceClients
{
    /// <summary>
    /// A gRPC client for another service, at the logical address in <c>GrpcClients:{service}</c>
    /// (such as <c>http://_grpc.forums</c>), which service discovery resolves from
    /// <c>Services:forums:grpc</c> on every call (see <see cref="ServiceAddress"/>). Plaintext
    /// HTTP/2 inside the platform; the call fails fast (and the caller answers 503) when the
    /// other service is down, rather than hanging a user's request.
    /// </summary>
    public static IHostApplicationBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string service) where TClient : class
    {
        var address = builder.Configuration[ServiceAddress.ClientKey(service)] is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"Configuration {ServiceAddress.ClientKey(service)} is missing.");
        builder.AddServiceAddresses();
        builder.Services.AddGrpcClient<TClient>(options => options.Address = new Uri(address))
            .AddServiceDiscovery()
            .ConfigureChannel(channel => channel.MaxRetryAttempts = 2);
        return builder;
    }

    /// <summary>True when <c>GrpcClients:{service}</c> names an address (empty counts as unset).</summary>
    public static bool HasServiceClient(this IHostApplicationBuilder builder, string service) =>
        !string.IsNullOrEmpty(builder.Configuration[ServiceAddress.ClientKey(service)]);

    /// <summary>
    /// Service discovery from configuration only (<c>Services:{service}:{endpoint}</c>), without
    /// the pass-through provider AddServiceDiscovery adds: a name nobody resolved must fail (and
    /// is refused at start by the validators), not quietly become a DNS lookup of "forums" on port 80.
    /// </summary>
    public static void AddServiceAddresses(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(service => service.ServiceType == typeof(IValidateOptions<ServiceAddressSettings>)))
        {
            return;
        }
        builder.Services.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider();
        builder.Services.AddSingleton<IValidateOptions<ServiceAddressSettings>, ServiceAddressValidator>();
        builder.Services.AddOptions<ServiceAddressSettings>().ValidateOnStart();
    }
}
