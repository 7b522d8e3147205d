namespace Samverkan.Local;

/// <summary>A platform process did not become healthy; the message carries its captured output.</summary>
public sealed class PlatformStartException(string service, string message) : Exception(message)
{
    public string Service => service;
}
