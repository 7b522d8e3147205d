using System.Text.Json;
using System.Xml.Linq;

namespace Samverkan.Deployment.Tests.Support;

/// <summary>The repository's files as the deployment descriptions refer to them.</summary>
internal static class Repository
{
    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Every project under services/ except the building blocks: one folder, one service.</summary>
    public static IReadOnlyList<ServiceProject> ServiceProjects() =>
        [.. Directory.GetDirectories(FullPath("services"))
            .Where(directory => Path.GetFileName(directory) != "BuildingBlocks")
            .SelectMany(directory => Directory.GetFiles(directory, "*.csproj"))
            .Select(project => new ServiceProject(Path.GetFileName(Path.GetDirectoryName(project)!), Relative(project)))
            .OrderBy(service => service.Folder, StringComparer.Ordinal)];

    /// <summary>Every project file in the repository, build output left out.</summary>
    public static IReadOnlyList<string> ProjectFiles() =>
        [.. Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> ProtoFilesUnder(string relativeDirectory) =>
        [.. Directory.EnumerateFiles(FullPath(relativeDirectory), "*.proto", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)];

    public static JsonDocument ReadJson(string fullPath) => JsonDocument.Parse(File.ReadAllText(fullPath), JsonOptions);

    /// <summary>The appsettings.json beside a project file.</summary>
    public static JsonDocument AppSettingsOf(string relativeProjectPath) =>
        ReadJson(Path.Combine(Path.GetDirectoryName(FullPath(relativeProjectPath))!, "appsettings.json"));

    /// <summary>Kestrel:Endpoints of a project's appsettings.json, by endpoint name.</summary>
    public static IReadOnlyDictionary<string, KestrelEndpoint> KestrelEndpointsOf(string relativeProjectPath)
    {
        using var settings = AppSettingsOf(relativeProjectPath);
        var endpoints = new Dictionary<string, KestrelEndpoint>(StringComparer.OrdinalIgnoreCase);
        if (settings.RootElement.TryGetProperty("Kestrel", out var kestrel) && kestrel.TryGetProperty("Endpoints", out var configured))
        {
            foreach (var endpoint in configured.EnumerateObject())
            {
                var url = new Uri(endpoint.Value.GetProperty("Url").GetString()!);
                var protocols = endpoint.Value.TryGetProperty("Protocols", out var value) ? value.GetString() : null;
                endpoints[endpoint.Name] = new KestrelEndpoint(endpoint.Name, url.Port, protocols);
            }
        }
        return endpoints;
    }

    public static XDocument ReadProject(string fullPath) => XDocument.Load(fullPath);

    private static bool IsBuildOutput(string path)
    {
        var segments = Relative(path).Split('/');
        return segments.Any(segment => segment is "bin" or "obj" or "artifacts" or ".git");
    }

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Samverkan.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {start} holds Samverkan.slnx.");
    }
}

/// <summary>A service project: its folder name under services/ (Regions) and its path from the root.</summary>
internal sealed record ServiceProject(string Folder, string ProjectPath)
{
    /// <summary>The name the service goes by in tye.yaml (its Dapr app id) and in the gateway's clusters.</summary>
    public string Id => Folder.ToLowerInvariant();
}

internal sealed record KestrelEndpoint(string Name, int Port, string? Protocols);
