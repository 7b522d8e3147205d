using System.Runtime.InteropServices;

namespace Samverkan.Local;

/// <summary>The `dotnet` host that runs this process, so children use the same runtime install.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        // <install>/shared/Microsoft.NETCore.App/<version>/ -> <install>/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var install = runtime.Parent?.Parent?.Parent?.FullName;
        if (install is not null && File.Exists(System.IO.Path.Combine(install, name)))
        {
            return System.IO.Path.Combine(install, name);
        }
        return name;
    }
}
