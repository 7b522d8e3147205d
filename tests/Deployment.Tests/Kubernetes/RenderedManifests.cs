using System.Diagnostics;
using System.Reflection;
using k8s;
using k8s.Models;
using Samverkan.Deployment.Tests.Support;

namespace Samverkan.Deployment.Tests.Kubernetes;

/// <summary>
/// An overlay of deploy/kubernetes as <c>kubectl kustomize</c> renders it (offline), read strictly
/// into typed models: Kubernetes' own from the KubernetesClient package, Dapr's from
/// <see cref="DaprResource"/> and its kinds. An unknown kind or field fails the read.
/// </summary>
public sealed class RenderedManifests(IReadOnlyList<object> objects)
{
    public const string Production = "deploy/kubernetes/overlays/production";
    public const string Redis = "deploy/kubernetes/overlays/redis";

    public static bool KubectlAvailable { get; } = FindOnPath("kubectl");

    public IReadOnlyList<object> Objects => objects;

    public IEnumerable<T> All<T>() => objects.OfType<T>();

    public T Named<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(item => item.Metadata.Name == name)
        ?? throw new InvalidOperationException($"The rendering has no {typeof(T).Name} named {name}.");

    public static RenderedManifests Render(string overlay)
    {
        Assert.SkipUnless(KubectlAvailable, "kubectl is not installed: the manifests cannot be rendered with kustomize on this machine.");
        return new RenderedManifests(KubernetesYaml.LoadAllFromString(Kustomize(overlay), TypeMap.Value, strict: true));
    }

    private static string Kustomize(string overlay)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Repository.FullPath(overlay)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "kubectl kustomize did not finish in a minute.");
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {errors.Result}");
        return output.Result;
    }

    /// <summary>Every model of the Kubernetes API the package knows, by "group/version/Kind", and Dapr's three.</summary>
    private static readonly Lazy<Dictionary<string, Type>> TypeMap = new(() =>
    {
        var map = typeof(V1Deployment).Assembly.GetTypes()
            .Select(type => (type, entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(model => model.entity is not null && !model.type.Name.EndsWith("List", StringComparison.Ordinal))
            .GroupBy(model => string.IsNullOrEmpty(model.entity!.Group)
                ? $"{model.entity.ApiVersion}/{model.entity.Kind}"
                : $"{model.entity.Group}/{model.entity.ApiVersion}/{model.entity.Kind}")
            .ToDictionary(group => group.Key, group => group.First().type);
        map["dapr.io/v1alpha1/Component"] = typeof(DaprComponent);
        map["dapr.io/v1alpha1/Configuration"] = typeof(DaprConfiguration);
        map["dapr.io/v1alpha1/Resiliency"] = typeof(DaprResiliency);
        return map;
    });

    private static bool FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}
