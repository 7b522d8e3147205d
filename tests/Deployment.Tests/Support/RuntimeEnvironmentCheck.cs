using Samverkan.Local;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>Whether an environment (a tye.yaml project's, a pod's) carries a process's <see cref="ServiceDefinition.RuntimeEnvironment"/>, value for value.</summary>
internal static class RuntimeEnvironmentCheck
{
    public static IEnumerable<string> Problems(string where, ServiceDefinition process, IReadOnlyDictionary<string, string> environment) =>
        process.RuntimeEnvironment
            .Where(setting => environment.GetValueOrDefault(setting.Key) != setting.Value)
            .Select(setting => $"{process.Name}: {setting.Key}={setting.Value} is not in its {where} env");
}
