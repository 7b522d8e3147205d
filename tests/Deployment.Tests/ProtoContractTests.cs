using System.Text.RegularExpressions;
using Samverkan.Deployment.Tests.Support;

namespace Samverkan.Deployment.Tests;

/// <summary>
/// Each service owns its .proto files; a consumer compiles the owner's file by relative path,
/// never a copy (ARCHITECTURE.md, Contracts).
/// </summary>
public sealed partial class ProtoContractTests
{
    [Fact]
    public void No_two_proto_files_under_services_share_a_name()
    {
        var duplicates = Repository.ProtoFilesUnder("services")
            .GroupBy(Path.GetFileName)
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(", ", group.Select(Repository.Relative)));

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_proto_under_services_lies_in_a_service_and_declares_that_services_package()
    {
        var problems = new List<string>();
        foreach (var proto in Repository.ProtoFilesUnder("services"))
        {
            var owner = OwnerOf(proto);
            if (owner is null)
            {
                continue;
            }
            if (owner == "BuildingBlocks")
            {
                problems.Add($"{Repository.Relative(proto)} lies in the building blocks: a contract belongs to the service that serves it");
                continue;
            }
            var package = PackageLine().Match(File.ReadAllText(proto));
            var expected = $"samverkan.{owner.ToLowerInvariant()}.v1";
            if (!package.Success || package.Groups[1].Value != expected)
            {
                problems.Add($"{Repository.Relative(proto)} declares '{(package.Success ? package.Groups[1].Value : "no package")}', expected '{expected}'");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_proto_a_project_compiles_exists_and_one_owned_by_another_service_is_its_file_compiled_as_a_client()
    {
        var problems = new List<string>();
        foreach (var project in Repository.ProjectFiles())
        {
            var projectDirectory = Path.GetDirectoryName(project)!;
            var protobufs = Repository.ReadProject(project).Descendants()
                .Where(element => element.Name.LocalName == "Protobuf" && element.Attribute("Include") is not null);
            foreach (var protobuf in protobufs)
            {
                foreach (var include in protobuf.Attribute("Include")!.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var files = Resolve(projectDirectory, include);
                    if (files.Count == 0)
                    {
                        problems.Add($"{Repository.Relative(project)}: {include} does not exist");
                    }
                    foreach (var file in files.Where(file => OwnerOf(file) is not null && !IsInside(file, projectDirectory)))
                    {
                        var ownerProtos = Repository.FullPath($"services/{OwnerOf(file)}/Protos");
                        if (!IsInside(file, ownerProtos))
                        {
                            problems.Add($"{Repository.Relative(project)}: {include} is not in the owning service's Protos folder");
                        }
                        if (protobuf.Attribute("GrpcServices")?.Value != "Client")
                        {
                            problems.Add($"{Repository.Relative(project)}: {include} belongs to {OwnerOf(file)} and must be compiled with GrpcServices=\"Client\"");
                        }
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    private static List<string> Resolve(string projectDirectory, string include)
    {
        var path = Path.GetFullPath(Path.Combine(projectDirectory, include.Replace('\\', '/')));
        if (!Path.GetFileName(path).Contains('*'))
        {
            return File.Exists(path) ? [path] : [];
        }
        var directory = Path.GetDirectoryName(path)!;
        return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, Path.GetFileName(path))] : [];
    }

    /// <summary>The services/ folder a file lies in (Regions), or null outside services/.</summary>
    private static string? OwnerOf(string file)
    {
        var relative = Repository.Relative(file).Split('/');
        return relative.Length > 2 && relative[0] == "services" ? relative[1] : null;
    }

    private static bool IsInside(string file, string directory) =>
        file.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageLine();
}
