using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Samverkan.Storage.Leases;

public static class LeaseRegistration
{
    /// <summary>
    /// <see cref="LeasedWork"/> over the registered store's leases, timed by <see cref="LeaseOptions"/>
    /// (validated at start). Safe to call from every feature that needs it.
    /// </summary>
    public static IServiceCollection AddLeases(this IServiceCollection services)
    {
        services.TryAddSingleton<ILeaseStore>(provider => provider.GetRequiredService<IDocumentStore>() as ILeaseStore
            ?? throw new InvalidOperationException("The registered IDocumentStore keeps no leases (ILeaseStore)."));
        services.TryAddSingleton<LeasedWork>();
        if (services.All(service => service.ServiceType != typeof(IValidateOptions<LeaseOptions>)))
        {
            services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IValidateOptions<LeaseOptions>, LeaseOptionsValidator>();
        }
        return services;
    }
}

/// <summary>Stops the process at start with each of <see cref="LeaseOptions.Problems"/>.</summary>
internal sealed class LeaseOptionsValidator : IValidateOptions<LeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, LeaseOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
