using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.Writes;

public static class WritesRegistration
{
    /// <summary>
    /// <see cref="VersionedWrites{T}"/> for <typeparamref name="T"/>, described by
    /// <typeparamref name="TResource"/>; the collection, the audit trail and (where the service
    /// publishes events) the outbox come from the container. The resource is scoped like the
    /// writes, so it may use request-scoped services (Forums shows institution names it looks up).
    /// </summary>
    public static IServiceCollection AddVersionedWrites<T, TResource>(this IServiceCollection services)
        where T : class where TResource : class, IWritableResource<T>
    {
        services.AddScoped<IWritableResource<T>, TResource>();
        services.AddScoped<VersionedWrites<T>>();
        return services;
    }
}
