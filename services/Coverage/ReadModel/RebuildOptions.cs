using System.ComponentModel.DataAnnotations;

namespace Samverkan.Coverage.ReadModel;

/// <summary>Section <c>Coverage:ReadModel</c>: when a gap in a producer's events is taken as lost and mended by a snapshot.</summary>
public sealed class RebuildOptions
{
    public const string Section = "Coverage:ReadModel";

    /// <summary>
    /// How long a gap in a producer's sequences may stay open before a snapshot of that producer
    /// is taken (a late event within it simply closes the gap).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Coverage:ReadModel:GapGrace must be between {1} and {2}.")]
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the rebuild loop looks at the positions, and waits after a producer did not answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Coverage:ReadModel:CheckInterval must be between {1} and {2}.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
