using System.ComponentModel.DataAnnotations;

namespace Samverkan.Storage.Leases;

/// <summary>
/// Timing of the leases that keep single-replica work on one replica (configuration section
/// <c>Storage:Lease</c>). A holder renews every <see cref="RenewInterval"/> and stops its work
/// <see cref="SafetyMargin"/> before <see cref="Duration"/> has passed since its last successful
/// renewal was sent; another replica takes over at most <see cref="Duration"/> plus one
/// <see cref="RenewInterval"/> after a holder dies (at once after one that stops cleanly).
/// </summary>
public sealed class LeaseOptions
{
    public const string Section = "Storage:Lease";

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Storage:Lease:Duration must be between {1} and {2}.")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Storage:Lease:RenewInterval must be between {1} and {2}.")]
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// What a holder keeps in hand against a slow renewal answer, an in-flight delivery being
    /// aborted, and its clock running at another rate than the store's.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Storage:Lease:SafetyMargin must be between {1} and {2}.")]
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a holder may work after a renewal was sent, on its own clock.</summary>
    public TimeSpan WorkWindow => Duration - SafetyMargin;

    /// <summary>The problems with these settings; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (SafetyMargin >= Duration)
        {
            yield return "Storage:Lease:SafetyMargin must be shorter than Storage:Lease:Duration.";
        }
        else if (RenewInterval * 2 > WorkWindow)
        {
            // Two renewals fit in the window, so one failed renewal does not stop the work.
            yield return "Storage:Lease:RenewInterval must be at most half of Duration minus SafetyMargin.";
        }
    }
}
