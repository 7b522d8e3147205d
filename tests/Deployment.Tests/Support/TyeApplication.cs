using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>The part of tye.yaml the tests check; other Tye keys are ignored.</summary>
internal sealed class TyeApplication
{
    public string? Name { get; set; }
    public List<TyeExtension> Extensions { get; set; } = [];
    public List<TyeService> Services { get; set; } = [];

    public IEnumerable<TyeService> Projects => Services.Where(service => service.Project is not null);

    public static TyeApplication Load()
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        return deserializer.Deserialize<TyeApplication>(File.ReadAllText(Repository.FullPath("tye.yaml")));
    }
}

internal sealed class TyeExtension
{
    public string? Name { get; set; }
}

internal sealed class TyeService
{
    public string Name { get; set; } = "";
    public string? Project { get; set; }
    public string? Image { get; set; }
    public List<TyeBinding> Bindings { get; set; } = [];
    public List<TyeVariable> Env { get; set; } = [];
}

internal sealed class TyeVariable
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
}

internal sealed class TyeBinding
{
    public string? Name { get; set; }
    public int? Port { get; set; }
    public int? ContainerPort { get; set; }
    public string? Protocol { get; set; }
}
