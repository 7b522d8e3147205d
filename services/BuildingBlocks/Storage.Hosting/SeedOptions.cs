namespace Samverkan.Storage.Hosting;

/// <summary>Section <c>Seed</c>: <c>Seed:Enabled</c> (default true) loads each service's seed file on its first start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Enabled { get; set; } = true;
}
