using System.ComponentModel.DataAnnotations;

namespace Samverkan.ServiceDefaults;

/// <summary>Section <c>Limits</c>: what every process accepts from a client.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body unless <c>Limits:MaxRequestBodyBytes</c> says otherwise: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>A larger body is refused with 413 before it is read.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Limits:MaxRequestBodyBytes must be at least {1}.")]
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
