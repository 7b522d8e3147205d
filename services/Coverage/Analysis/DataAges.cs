using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.Analysis;

/// <summary>How old the registry's knowledge about some forums is, and the warnings that follow from it.</summary>
public static class DataAges
{
    public static DataAge Of(IEnumerable<Forum> forums, DateOnly asOf, int dormantAfterMonths)
    {
        DateOnly? meeting = null, verified = null;
        foreach (var forum in forums)
        {
            meeting = Max(meeting, forum.RecordedMeetings().Where(date => date <= asOf).Cast<DateOnly?>().LastOrDefault());
            verified = Max(verified, forum.Provenance?.VerifiedOn is { } on && on <= asOf ? on : null);
        }
        var newest = Max(meeting, verified);
        var months = newest is { } n ? MonthsBetween(n, asOf) : (int?)null;
        var outOfDate = newest is not { } latest || latest < asOf.AddMonths(-dormantAfterMonths);
        return new DataAge(meeting, verified, months, outOfDate);
    }

    /// <summary>The warning an out-of-date answer carries, or null when the data is recent enough.</summary>
    public static string? Warning(DataAge age, DateOnly asOf, int dormantAfterMonths, string scope)
    {
        if (!age.OutOfDate)
        {
            return null;
        }
        if (age.NewestMeetingOn is null && age.NewestVerifiedOn is null)
        {
            return $"Nothing about {scope} is recorded or verified on or before {Dormancy.Iso(asOf)}: the answer rests on no data.";
        }
        var meeting = age.NewestMeetingOn is { } m ? $"the newest recorded meeting is from {Dormancy.Iso(m)}" : "no meeting is recorded";
        var verified = age.NewestVerifiedOn is { } v ? $"the newest verification of a forum description is from {Dormancy.Iso(v)}" : "no forum description was ever verified";
        return $"The data about {scope} is out of date: {meeting} and {verified}, {Describe(age.MonthsOld ?? 0)} before " +
            $"{Dormancy.Iso(asOf)}. Every forum without a meeting recorded in the {dormantAfterMonths} months before that date counts as dormant " +
            "until a meeting is recorded (POST /api/forums/{id}/meetings).";
    }

    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    public static string Describe(int months) => (months / 12, months % 12) switch
    {
        (0, var m) => $"{m} month{(m == 1 ? "" : "s")}",
        (var y, 0) => $"{y} year{(y == 1 ? "" : "s")}",
        (var y, var m) => $"{y} year{(y == 1 ? "" : "s")} and {m} month{(m == 1 ? "" : "s")}",
    };

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
