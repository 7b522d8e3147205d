namespace Samverkan.Local;

/// <summary>A platform process did not become healthy; the message carries the reason it gave and its captured output.</summary>
public sealed class PlatformStartException(string service, string message, int? exitCode = null, bool portInUse = false) : Exception(message)
{
    public string Service => service;

    /// <summary>The process's exit code when it exited before becoming healthy; null when it was still running.</summary>
    public int? ExitCode => exitCode;

    /// <summary>Whether the process reported that a port it was given was taken (another platform may have picked the same free port).</summary>
    public bool PortInUse => portInUse;
}
