using System.ComponentModel.DataAnnotations;

namespace Samverkan.Coverage.ReadModel;

/// <summary>Section <c>Coverage:ReadModel</c>: when a gap in a producer's events, or a stall, is taken as lost and mended by a snapshot.</summary>
public sealed class RebuildOptions
{
    public const string Section = "Coverage:ReadModel";

    /// <summary>
    /// How long a gap in a producer's sequences may stay open before a snapshot of that producer
    /// is taken (a late event within it simply closes the gap).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Coverage:ReadModel:GapGrace must be between {1} and {2}.")]
    public TimeSpan GapGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the read model may stay below a position a producer had reached, with no gap to
    /// show for it, before the producer's events are taken as stalled and a snapshot is taken.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Coverage:ReadModel:LagGrace must be between {1} and {2}.")]
    public TimeSpan LagGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each producer is asked how far it has written (the first message of its snapshot stream, the rest left unread).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Coverage:ReadModel:LagCheckInterval must be between {1} and {2}.")]
    public TimeSpan LagCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the rebuild loop looks at the positions, and waits after a producer did not answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Coverage:ReadModel:CheckInterval must be between {1} and {2}.")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
