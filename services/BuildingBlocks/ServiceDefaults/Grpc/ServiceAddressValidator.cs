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
        var problems = new List<string>();
        foreach (var client in configuration.GetSection(ServiceAddress.ClientsSection).GetChildren().Where(client => !string.IsNullOrEmpty(client.Value)))
        {
            var key = ServiceAddress.ClientKey(client.Key);
            if (ServiceAddress.Parse(client.Value!, out var problem) is not { } address)
            {
                problems.Add($"{key} ({client.Value}) {problem}.");
            }
            else if (!Resolves(configuration.GetSection(address.ResolutionKey)))
            {
                problems.Add($"{key} is {client.Value}, but nothing resolves it: set {address.ResolutionKey}:0 to the service's URL " +
                    $"(environment {address.ResolutionKey.Replace(":", "__", StringComparison.Ordinal)}__0=http://host:port).");
            }
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    // One URL as the section's value, or a list of them as its children.
    private static bool Resolves(IConfigurationSection section) =>
        Uri.TryCreate(section.Value, UriKind.Absolute, out _)
        || section.GetChildren().Any(child => Uri.TryCreate(child.Value, UriKind.Absolute, out _));
}
