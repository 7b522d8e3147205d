namespace Samverkan.Local;

/// <summary>A platform process did not become healthy; the message carries the reason it gave and its captured output.</summary>
public sealed class PlatformStartException(string service, string summary, string output = "", int? exitCode = null, bool portInUse = false)
    : Exception(output.Length == 0 ? summary : $"{summary}{Environment.NewLine}Its output:{Environment.NewLine}{output}")
{
    public string Service => service;

    /// <summary>What failed and, when the process said, why: the message without the captured output.</summary>
    public string Summary => summary;

    /// <summary>The process's exit code when it exited before becoming healthy; null when it was still running.</summary>
    public int? ExitCode => exitCode;

    /// <summary>Whether the process reported that a port it was given was taken (another platform may have picked the same free port).</summary>
    public bool PortInUse => portInUse;
}
