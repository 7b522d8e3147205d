using k8s;
using k8s.Models;

namespace Samverkan.Deployment.Tests.Kubernetes;

// Dapr's resources as its documentation defines them (docs.dapr.io, "Component spec",
// "Configuration", "Resiliency"), for the fields this repository uses: no schema package for Dapr
// exists, so these typed models stand in for one. Read strictly, a misspelt field fails.

public abstract class DaprResource : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
}

public sealed class DaprComponent : DaprResource
{
    public ComponentSpec Spec { get; set; } = new();
    public ComponentAuth? Auth { get; set; }
    public List<string> Scopes { get; set; } = [];
}

public sealed class ComponentSpec
{
    public string Type { get; set; } = "";
    public string Version { get; set; } = "";
    public List<ComponentMetadata> Metadata { get; set; } = [];
}

public sealed class ComponentMetadata
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public SecretReference? SecretKeyRef { get; set; }
}

public sealed class SecretReference
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

public sealed class ComponentAuth
{
    public string SecretStore { get; set; } = "";
}

public sealed class DaprConfiguration : DaprResource
{
    public ConfigurationSpec Spec { get; set; } = new();
}

public sealed class ConfigurationSpec
{
    public TracingSpec? Tracing { get; set; }
    public MetricSpec? Metric { get; set; }
    public AccessControlSpec? AccessControl { get; set; }
}

public sealed class TracingSpec
{
    public string SamplingRate { get; set; } = "";
    public OtelSpec? Otel { get; set; }
}

public sealed class OtelSpec
{
    public string EndpointAddress { get; set; } = "";
    public bool IsSecure { get; set; }
    public string Protocol { get; set; } = "";
}

public sealed class MetricSpec
{
    public bool Enabled { get; set; }
}

public sealed class AccessControlSpec
{
    public string DefaultAction { get; set; } = "";
    public string TrustDomain { get; set; } = "";
}

public sealed class DaprResiliency : DaprResource
{
    public ResiliencySpec Spec { get; set; } = new();
}

public sealed class ResiliencySpec
{
    public ResiliencyPolicies Policies { get; set; } = new();
    public ResiliencyTargets Targets { get; set; } = new();
}

public sealed class ResiliencyPolicies
{
    public Dictionary<string, string> Timeouts { get; set; } = [];
    public Dictionary<string, RetryPolicy> Retries { get; set; } = [];
}

public sealed class RetryPolicy
{
    public string Policy { get; set; } = "";
    public string? Duration { get; set; }
    public string? MaxInterval { get; set; }
    public int MaxRetries { get; set; }
}

public sealed class ResiliencyTargets
{
    public Dictionary<string, ComponentTargets> Components { get; set; } = [];
}

public sealed class ComponentTargets
{
    public TargetPolicies? Outbound { get; set; }
    public TargetPolicies? Inbound { get; set; }
}

public sealed class TargetPolicies
{
    public string? Timeout { get; set; }
    public string? Retry { get; set; }
}
