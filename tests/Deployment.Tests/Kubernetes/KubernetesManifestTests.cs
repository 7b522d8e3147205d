using System.Text.RegularExpressions;
using k8s.Models;
using Samverkan.Deployment.Tests.Support;
using Samverkan.Local;

namespace Samverkan.Deployment.Tests.Kubernetes;

/// <summary>
/// deploy/kubernetes, rendered as an operator applies it, against the topology the launcher runs
/// (deploy/Local/Topology.cs): the same processes, ports, app ids and gRPC addresses, and what
/// every production pod must have (probes, limits, a non-root read-only container, no secret).
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private const string Container = "app";

    public static TheoryData<string> Overlays => [RenderedManifests.Production, RenderedManifests.Redis];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_overlay_renders_into_valid_kubernetes_and_dapr_objects(string overlay)
    {
        var rendered = RenderedManifests.Render(overlay);

        Assert.NotEmpty(rendered.All<V1Deployment>());
        Assert.All(rendered.Objects, item => Assert.Equal("samverkan", Metadata(item).NamespaceProperty ?? "samverkan"));
        Assert.Single(rendered.All<DaprComponent>(), component => component.Spec.Type.StartsWith("pubsub.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_process_has_a_deployment_and_a_service_on_the_topology_s_ports()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var expected = PortsOf(process);
            var container = AppContainer(rendered.Named<V1Deployment>(process.Name));
            var containerPorts = container.Ports.ToDictionary(port => port.Name, port => port.ContainerPort);
            var servicePorts = rendered.Named<V1Service>(process.Name).Spec.Ports.ToDictionary(port => port.Name, port => port.Port);
            if (!Same(expected, containerPorts))
            {
                problems.Add($"{process.Name}: container ports {Show(containerPorts)}, topology {Show(expected)}");
            }
            if (!Same(expected, servicePorts))
            {
                problems.Add($"{process.Name}: Service ports {Show(servicePorts)}, topology {Show(expected)}");
            }
            var kestrel = Environment(container).GetValueOrDefault("Kestrel__Endpoints__Http__Url");
            if (kestrel != $"http://0.0.0.0:{process.RestPort}")
            {
                problems.Add($"{process.Name}: listens on {kestrel}, not on all interfaces at {process.RestPort}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_service_runs_with_a_dapr_sidecar_whose_app_id_and_port_are_its_own()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        foreach (var service in Topology.Services)
        {
            var annotations = rendered.Named<V1Deployment>(service.Name).Spec.Template.Metadata.Annotations;
            Assert.Equal("true", annotations["dapr.io/enabled"]);
            Assert.Equal(service.Name, annotations["dapr.io/app-id"]);
            Assert.Equal(service.RestPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations["dapr.io/app-port"]);
            Assert.Equal("http", annotations["dapr.io/app-protocol"]);
            Assert.Equal(rendered.Named<DaprConfiguration>(annotations["dapr.io/config"]).Metadata.Name, annotations["dapr.io/config"]);
            Assert.True(annotations.ContainsKey("dapr.io/app-token-secret"), $"{service.Name} has no app API token for Dapr");
        }
        var pubsub = rendered.Named<DaprComponent>("pubsub");
        Assert.Equal(Topology.Services.Select(service => service.Name).Order(), pubsub.Scopes.Order());
    }

    [Fact]
    public void Every_process_gets_its_runtime_environment_in_its_deployment()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var environment = EffectiveEnvironment(rendered, AppContainer(rendered.Named<V1Deployment>(process.Name)));
            problems.AddRange(RuntimeEnvironmentCheck.Problems("Deployment's", process, environment));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_logical_address_a_process_names_resolves_to_the_kubernetes_service_of_the_service_it_names()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);
        var problems = new List<string>();
        foreach (var process in Topology.All)
        {
            var environment = EffectiveEnvironment(rendered, AppContainer(rendered.Named<V1Deployment>(process.Name)));
            problems.AddRange(AddressResolution.Problems("kubernetes", process, environment,
                (service, endpoint) => $"http://{service.Name}:{(endpoint == Topology.GrpcEndpoint ? service.GrpcPort : service.RestPort)}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_deployment_has_probes_limits_and_a_non_root_read_only_container()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        foreach (var deployment in rendered.All<V1Deployment>())
        {
            var pod = deployment.Spec.Template.Spec;
            var container = AppContainer(deployment);
            var name = deployment.Metadata.Name;
            // /ready leaves out what an operator must mend (dead letters); the gateway's /health is the whole platform's.
            Assert.Equal(name == Topology.Gateway.Name ? "/alive" : "/ready", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
            Assert.All(["cpu", "memory"], resource =>
            {
                Assert.True(container.Resources?.Requests?.ContainsKey(resource), $"{name}: no {resource} request");
                Assert.True(container.Resources?.Limits?.ContainsKey(resource), $"{name}: no {resource} limit");
            });
            Assert.True(pod.SecurityContext?.RunAsNonRoot, $"{name}: may run as root");
            Assert.Equal(ContainerUserOf(name), pod.SecurityContext?.RunAsUser);
            Assert.True(container.SecurityContext?.ReadOnlyRootFilesystem, $"{name}: writable root filesystem");
            Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{name}: privilege escalation allowed");
            Assert.Contains("ALL", container.SecurityContext?.Capabilities?.Drop ?? []);
            Assert.Contains(container.VolumeMounts ?? [], mount => mount.MountPath == "/tmp");
            Assert.Equal($"samverkan/{name}", ContainerRepositoryOf(name));
            Assert.StartsWith($"registry.example.se/samverkan/{name}:", container.Image, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every service and the gateway are safe at more than one replica (docs/replicas.md), so each
    /// runs two or more and keeps one through a drain. The web app keeps its sessions in one
    /// process's memory and runs alone (docs/web.md).
    /// </summary>
    [Fact]
    public void Every_service_and_the_gateway_scale_from_two_replicas_and_keep_one_through_disruptions()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        foreach (var name in Topology.Services.Append(Topology.Gateway).Select(process => process.Name))
        {
            var deployment = rendered.Named<V1Deployment>(name);
            var autoscaler = rendered.Named<V2HorizontalPodAutoscaler>(name);
            Assert.Equal(("Deployment", name), (autoscaler.Spec.ScaleTargetRef.Kind, autoscaler.Spec.ScaleTargetRef.Name));
            Assert.True(autoscaler.Spec.MinReplicas >= 2, $"{name} scales from {autoscaler.Spec.MinReplicas}");
            Assert.Null(deployment.Spec.Replicas);
            var budget = rendered.Named<V1PodDisruptionBudget>(name);
            Assert.Equal(deployment.Spec.Selector.MatchLabels, budget.Spec.Selector.MatchLabels);
            Assert.Equal(1, budget.Spec.MinAvailable?.Value is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
    }

    /// <summary>Behind the Ingress, per-address limits need the client's address: the gateway believes the controller's forwarded headers, and no one else's.</summary>
    [Fact]
    public void The_gateway_believes_forwarded_headers_from_named_proxy_networks_only()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        var trusted = Environment(AppContainer(rendered.Named<V1Deployment>(Topology.Gateway.Name)))
            .Where(entry => entry.Key.StartsWith("ForwardedHeaders__KnownNetworks__", StringComparison.Ordinal) || entry.Key.StartsWith("ForwardedHeaders__KnownProxies__", StringComparison.Ordinal))
            .Select(entry => entry.Value).ToList();

        Assert.NotEmpty(trusted);
        Assert.All(trusted, value => Assert.True(
            System.Net.IPAddress.TryParse(value, out _) || (System.Net.IPNetwork.TryParse(value, out var network) && network.PrefixLength > 0),
            $"{value} is neither an address nor a network narrower than every address"));
    }

    [Fact]
    public void No_secret_value_is_in_the_manifests()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        Assert.Empty(rendered.All<V1Secret>());
        var literal = rendered.All<V1Deployment>()
            .SelectMany(deployment => deployment.Spec.Template.Spec.Containers.SelectMany(container => container.Env ?? [])
                .Where(variable => SecretName().IsMatch(variable.Name) && variable.ValueFrom?.SecretKeyRef is null)
                .Select(variable => $"{deployment.Metadata.Name}: {variable.Name}"))
            .Concat(rendered.All<DaprComponent>().SelectMany(component => component.Spec.Metadata
                .Where(item => SecretName().IsMatch(item.Name) && item.SecretKeyRef is null)
                .Select(item => $"component {component.Metadata.Name}: {item.Name}")));
        Assert.Empty(literal);
    }

    [Fact]
    public void Only_the_gateway_is_reachable_from_outside_the_namespace()
    {
        var rendered = RenderedManifests.Render(RenderedManifests.Production);

        var ingress = Assert.Single(rendered.All<V1Ingress>());
        Assert.All(ingress.Spec.Rules.SelectMany(rule => rule.Http.Paths), path => Assert.Equal(Topology.Gateway.Name, path.Backend.Service.Name));
        Assert.Contains(rendered.All<V1NetworkPolicy>(), policy => policy.Spec.PodSelector.MatchLabels is null or { Count: 0 }
            && policy.Spec.PolicyTypes.Contains("Ingress") && policy.Spec.Ingress is null or { Count: 0 });
        foreach (var policy in rendered.All<V1NetworkPolicy>())
        {
            var fromOutside = (policy.Spec.Ingress ?? []).Where(rule => (rule.FromProperty ?? []).Any(peer => peer.NamespaceSelector is not null));
            var appPorts = fromOutside.SelectMany(rule => rule.Ports ?? []).Select(port => port.Port.Value).Where(port => port is "http" or "grpc");
            if (appPorts.Any())
            {
                Assert.Equal("gateway", policy.Spec.PodSelector.MatchLabels["samverkan.se/tier"]);
            }
        }
    }

    private static V1Container AppContainer(V1Deployment deployment) =>
        deployment.Spec.Template.Spec.Containers.Single(container => container.Name == Container);

    private static Dictionary<string, string> Environment(V1Container container) =>
        (container.Env ?? []).Where(variable => variable.Value is not null).ToDictionary(variable => variable.Name, variable => variable.Value);

    /// <summary>What the container's process sees: its ConfigMaps (envFrom), then its own env, which wins.</summary>
    private static Dictionary<string, string> EffectiveEnvironment(RenderedManifests rendered, V1Container container)
    {
        var environment = (container.EnvFrom ?? []).Where(source => source.ConfigMapRef is not null)
            .SelectMany(source => rendered.Named<V1ConfigMap>(source.ConfigMapRef.Name).Data ?? new Dictionary<string, string>())
            .GroupBy(entry => entry.Key).ToDictionary(group => group.Key, group => group.Last().Value);
        foreach (var (name, value) in Environment(container))
        {
            environment[name] = value;
        }
        return environment;
    }

    private static Dictionary<string, int> PortsOf(ServiceDefinition process) =>
        process.GrpcPort is { } grpc ? new() { ["http"] = process.RestPort, ["grpc"] = grpc } : new() { ["http"] = process.RestPort };

    private static V1ObjectMeta Metadata(object item) => ((k8s.IKubernetesObject<V1ObjectMeta>)item).Metadata;

    private static string? ContainerRepositoryOf(string process) => ProjectProperty(process, "ContainerRepository");

    private static long? ContainerUserOf(string process) =>
        long.TryParse(ProjectProperty(process, "ContainerUser") ?? ProjectProperty(null, "ContainerUser"), out var user) ? user : null;

    /// <summary>A property of the process's project file, or of Directory.Build.props when <paramref name="process"/> is null.</summary>
    private static string? ProjectProperty(string? process, string property)
    {
        var path = process is null ? Repository.FullPath("Directory.Build.props") : Repository.FullPath(Topology.Find(process).ProjectPath);
        return Repository.ReadProject(path).Descendants(property).LastOrDefault()?.Value;
    }

    private static bool Same<TValue>(IReadOnlyDictionary<string, TValue> expected, IReadOnlyDictionary<string, TValue> actual) =>
        expected.Count == actual.Count && expected.All(entry => actual.TryGetValue(entry.Key, out var value) && Equals(value, entry.Value));

    private static string Show<TValue>(IReadOnlyDictionary<string, TValue> values) =>
        "{" + string.Join(", ", values.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}")) + "}";

    [GeneratedRegex("(?i)(password|secret|token|connectionstring|apikey)")]
    private static partial Regex SecretName();
}
