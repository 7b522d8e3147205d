using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Grpc;

/// <summary>Nothing to bind: the options exist so <see cref="ServiceAddressValidator"/> runs at start.</summary>
public sealed class ServiceAddressSettings;

/// <summary>
/// Stops the process at start when a service it calls has no logical address, or one that nothing
/// resolves: under Tye, or a service started on its own, a missing entry would otherwise surface
/// only at the first call (for the API key directory, as every partner key refused).
/// </summary>
internal sealed class ServiceAddressValidator(IConfiguration configuration) : IValidateOptions<ServiceAddressSettings>
{
    public ValidateOptionsResult Validate(string? name, ServiceAddressSettings options)
    {
        var problems = configuration.GetSection(ServiceAddress.ClientsSection).GetChildren()
            .Where(client => !string.IsNullOrEmpty(client.Value))
            .Select(client => ServiceAddress.ProblemWith(ServiceAddress.ClientKey(client.Key), client.Value!, configuration))
            .OfType<string>()
            .ToList();
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
