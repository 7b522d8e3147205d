namespace Samverkan.Forums.Model;

/// <summary>
/// The largest forum the registry accepts, checked on every write (<see cref="ForumValidation"/>)
/// and listed in docs/api.md. Generous for the real registry (about 100 forums, the biggest with
/// a few dozen participants) while the largest valid forum's event stays under 1 MiB, a quarter
/// of <c>EventLimits.MaxEventBytes</c>, even with every text made of characters JSON escapes
/// worst (tests/Forums.Tests/LargestForumEventTests). Lengths count UTF-16 characters.
/// </summary>
public static class ForumBounds
{
    /// <summary>Several times the biggest forum of the mapping, and every university and county council of the country at once.</summary>
    public const int MaxParticipants = 250;

    /// <summary>There are six healthcare regions.</summary>
    public const int MaxRegionIds = 6;

    public const int MaxProfessions = 50;

    /// <summary>Each kind once.</summary>
    public static readonly int MaxCooperationKinds = Enum.GetValues<CooperationKind>().Length;

    /// <summary>The recorded meeting history, <c>lastMeetingOn</c> included: a forum meeting every week for twenty years stays under this.</summary>
    public const int MaxMeetingDates = 2000;

    /// <summary>An id of a region, forum or institution (the registry hands out at most 67 characters).</summary>
    public const int IdLength = 100;

    public const int NameLength = 200;
    public const int AbbreviationLength = 30;
    public const int ParentDescriptionLength = 500;
    public const int PurposeLength = 4000;
    public const int BackgroundLength = 4000;
    public const int SecretaryLength = 500;
    public const int StatusNoteLength = 1000;
    public const int WebsiteLength = 300;
    public const int ProfessionLength = 100;
    public const int ParticipantNoteLength = 200;
    public const int FormalBasisDescriptionLength = 1000;
    public const int MeetingsDescriptionLength = 500;
    public const int ChairDescriptionLength = 500;
    public const int ChairRotationLength = 500;
    public const int VerifiedByLength = 300;
    public const int SourceLength = 500;

    /// <summary>Earlier bodies, and parts of a split meeting pattern: a handful in any source.</summary>
    public const int MaxPredecessors = 20;
    public const int MaxMeetingParts = 10;

    /// <summary>Institutions a source names as not taking part: a few per forum in the 2018 report.</summary>
    public const int MaxNonParticipants = 50;

    /// <summary>Members one institution appoints to a forum.</summary>
    public const int MaxSeats = 100;

    /// <summary>Meetings a term or a year, as <c>meetings.min</c> and <c>meetings.max</c>: at most daily.</summary>
    public const int MaxMeetingsPerPeriod = 366;

    /// <summary>Years (<c>startYear</c>, <c>formalBasis.year</c>) start here, as dates do.</summary>
    public const int EarliestYear = 1900;
}
