using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Analysis;

/// <summary>How old the registry's knowledge about some forums is, and the warnings that follow from it.</summary>
public static class DataAges
{
    public static DataAge Of(IEnumerable<Forum> forums, DateOnly asOf, int dormantAfterMonths)
    {
        ImpreciseDate? meeting = null, verified = null;
        foreach (var forum in forums)
        {
            foreach (var held in forum.KnownMeetings())
            {
                meeting = Newer(meeting, held, asOf);
            }
            verified = Newer(verified, forum.Provenance?.Verified, asOf);
        }
        var newest = Newer(meeting, verified, asOf)?.Latest;
        var months = newest is { } n ? MonthsBetween(n, asOf) : (int?)null;
        var outOfDate = newest is not { } latest || latest < asOf.AddMonths(-dormantAfterMonths);
        return new DataAge(meeting?.ExactDay, verified?.ExactDay, months, outOfDate, meeting, verified);
    }

    /// <summary>The warning an out-of-date answer carries, or null when the data is recent enough.</summary>
    public static string? Warning(DataAge age, DateOnly asOf, int dormantAfterMonths, string scope)
    {
        if (!age.OutOfDate)
        {
            return null;
        }
        if (age.NewestMeeting is null && age.NewestVerified is null)
        {
            return $"Nothing about {scope} is recorded or verified on or before {Dormancy.Iso(asOf)}: the answer rests on no data.";
        }
        var meeting = age.NewestMeeting is { } m ? $"the newest recorded meeting was held {Dormancy.Describe(m)}" : "no meeting is recorded";
        var verified = age.NewestVerified is { } v ? $"the newest verification of a forum description was made {Dormancy.Describe(v)}" : "no forum description was ever verified";
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

    /// <summary>The newer of two dates (by the latest day each may have been), of those certainly on or before <paramref name="asOf"/>.</summary>
    private static ImpreciseDate? Newer(ImpreciseDate? a, ImpreciseDate? b, DateOnly asOf) =>
        b is not { } candidate || candidate.Latest > asOf ? a
        : a is not { } current || candidate.Latest > current.Latest ? candidate
        : a;
}
