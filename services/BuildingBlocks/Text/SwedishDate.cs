namespace Samverkan.Text;

/// <summary>
/// "Today" for dates users enter (verified on, renamed on): the date in Sweden, not in UTC,
/// so an entry made just after midnight Swedish time is not rejected as being in the future.
/// </summary>
public static class SwedishDate
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Stockholm).DateTime);
}
