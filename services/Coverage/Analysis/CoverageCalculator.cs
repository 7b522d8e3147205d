using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Analysis;

/// <summary>
/// The coverage picture of one region on one date, from plain inputs (pure: no I/O).
/// "Everyone" is the region's county councils and universities that exist on the date, partial
/// members included. A forum counts for the region when the region is among its
/// <c>regionIds</c>; only top-level forums (no <c>parentId</c>) can be primary, while
/// sub-groups count for whether an institution takes part in some forum. Bodies that are not
/// forums (<see cref="ForumKind.OtherBody"/>: a management group of the county councils alone)
/// never count.
/// </summary>
public static class CoverageCalculator
{
    public static RegionCoverage Compute(
        RegionInput region, IReadOnlyDictionary<string, InstitutionInfo> institutions, IEnumerable<Forum> regionForums,
        Func<string, Forum?> forumById, DateOnly asOf, int dormantAfterMonths)
    {
        var warnings = new SortedSet<string>(StringComparer.Ordinal);
        var everyone = Everyone(region, institutions, asOf, warnings);
        var forums = regionForums
            .Where(forum => forum.Kind == ForumKind.Forum && forum.RegionIds.Contains(region.Id) && Dormancy.Existed(forum, asOf))
            .OrderBy(forum => forum.Id, StringComparer.Ordinal)
            .ToList();
        var participations = everyone.ToDictionary(member => member.Info.Id, _ => new List<Participation>(), StringComparer.Ordinal);
        var order = everyone.Select((member, index) => (member.Info.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        var forumCoverages = new List<ForumCoverage>(forums.Count);
        foreach (var forum in forums)
        {
            var activity = Dormancy.Assess(forum, asOf, dormantAfterMonths, forumById);
            var includes = new List<string>();
            // Only the forum's own participants are looked at, so the cost follows the forum's size, not the region's.
            foreach (var id in forum.Participants.Select(p => p.InstitutionId).Where(participations.ContainsKey).Distinct()
                .OrderBy(id => order[id]))
            {
                if (Participations.Of(forum, id, asOf, forumById, warnings) is { } participant)
                {
                    includes.Add(id);
                    participations[id].Add(new Participation(forum.Id, forum.Name, activity.Active, participant.Capacity,
                        participant.ViaForumId, participant.ViaInstitutionId, activity.State));
                }
            }
            forumCoverages.Add(new ForumCoverage
            {
                Id = forum.Id,
                Name = forum.Name,
                Abbreviation = forum.Abbreviation,
                ParentId = forum.ParentId,
                Active = activity.Active,
                Activity = activity.State,
                LastMeetingOn = activity.LastMeetingOn,
                LastMeeting = activity.LastMeeting,
                Dormancy = activity.Dormancy,
                DormancyReason = activity.Reason,
                ActivityFromForumId = activity.ActivityFromForumId,
                ContactAvailability = forum.ContactAvailability,
                RecordedStatus = forum.Status,
                RecordedStatusNote = forum.StatusNote,
                CoversAll = everyone.Count > 0 && includes.Count == everyone.Count,
                Includes = includes,
                MissingCount = everyone.Count - includes.Count,
            });
        }
        var institutionCoverages = everyone.Select(e => new InstitutionCoverage(
            e.Info.Id, e.Info.Name, e.Info.Abbreviation, e.Info.Kind, e.Member.Partial, e.Member.Note,
            StateOf(participations[e.Info.Id]), participations[e.Info.Id])).ToList();
        var topLevel = forumCoverages.Where(forum => forum.ParentId is null).ToList();
        var primary = Refs(topLevel.Where(f => f.Active && f.CoversAll));
        var dataAge = DataAges.Of(forums, asOf, dormantAfterMonths);
        AddWarnings(warnings, forumCoverages, dataAge, asOf, dormantAfterMonths, region.Name);
        return new RegionCoverage
        {
            RegionId = region.Id,
            RegionName = region.Name,
            OrdinanceName = region.OrdinanceName,
            AsOf = asOf,
            DormantAfterMonths = dormantAfterMonths,
            HasPrimaryForum = primary.Count > 0,
            PrimaryForums = primary,
            CoversAllButDormant = Refs(topLevel.Where(f => f.Activity == LivenessState.Dormant && f.CoversAll)),
            ForumsWithSome = Refs(topLevel.Where(f => f.Active && !f.CoversAll && f.Includes.Count > 0)),
            DormantForums = Refs(forumCoverages.Where(f => f.Activity == LivenessState.Dormant)),
            UnknownActivityForums = Refs(forumCoverages.Where(f => f.Activity == LivenessState.Unknown)),
            InNoForum = InstitutionRefs(institutionCoverages.Where(i => i.State == CoverageState.InNoForum)),
            OnlyInDormantForums = InstitutionRefs(institutionCoverages.Where(i => i.State == CoverageState.OnlyInDormantForums)),
            ActivityUnknown = InstitutionRefs(institutionCoverages.Where(i => i.State == CoverageState.ActivityUnknown)),
            Institutions = institutionCoverages,
            Forums = forumCoverages,
            DataAge = dataAge,
            Warnings = [.. warnings],
        };
    }

    /// <summary>The region's county councils and universities on the date, in the order the region lists them.</summary>
    private static List<(MemberInput Member, InstitutionInfo Info)> Everyone(
        RegionInput region, IReadOnlyDictionary<string, InstitutionInfo> institutions, DateOnly asOf, ISet<string> warnings)
    {
        var everyone = new List<(MemberInput, InstitutionInfo)>();
        foreach (var member in region.Members.DistinctBy(member => member.InstitutionId))
        {
            if (!institutions.TryGetValue(member.InstitutionId, out var info))
            {
                warnings.Add($"The region lists {member.InstitutionId} as a member, but no institution has that id; it is left out.");
            }
            else if (info.MustBeCovered && info.ExistsOn(asOf))
            {
                everyone.Add((member, info));
            }
        }
        return everyone;
    }

    private static CoverageState StateOf(IReadOnlyList<Participation> participations) =>
        participations.Count == 0 ? CoverageState.InNoForum
        : participations.Any(p => p.ForumActive) ? CoverageState.InActiveForum
        : participations.Any(p => p.ForumActivity == LivenessState.Unknown) ? CoverageState.ActivityUnknown
        : CoverageState.OnlyInDormantForums;

    private static void AddWarnings(
        ISet<string> warnings, IReadOnlyList<ForumCoverage> forums, DataAge dataAge, DateOnly asOf, int dormantAfterMonths, string regionName)
    {
        if (DataAges.Warning(dataAge, asOf, dormantAfterMonths, regionName) is { } stale)
        {
            warnings.Add(stale);
        }
        var unknown = forums.Where(f => f.Activity == LivenessState.Unknown).Select(f => f.Name).ToList();
        if (unknown.Count > 0)
        {
            warnings.Add($"Whether {unknown.Count} forum{(unknown.Count == 1 ? " was" : "s were")} alive on {Dormancy.Iso(asOf)} is not known " +
                $"from the registry's records, so {(unknown.Count == 1 ? "it counts" : "they count")} neither as active nor as dormant: {string.Join(", ", unknown)}.");
        }
        var neverMet = forums.Where(f => f.Dormancy == DormancyKind.NoMeetingRecorded).Select(f => f.Name).ToList();
        if (neverMet.Count > 0)
        {
            warnings.Add($"{neverMet.Count} forum{(neverMet.Count == 1 ? " has" : "s have")} no meeting recorded on or before " +
                $"{Dormancy.Iso(asOf)} and count{(neverMet.Count == 1 ? "s" : "")} as dormant: {string.Join(", ", neverMet)}.");
        }
    }

    private static List<ForumRef> Refs(IEnumerable<ForumCoverage> forums) =>
        [.. forums.Select(f => new ForumRef(f.Id, f.Name, f.Abbreviation, f.Active, f.LastMeetingOn, f.DormancyReason, f.Activity, f.LastMeeting))];

    private static List<InstitutionRef> InstitutionRefs(IEnumerable<InstitutionCoverage> institutions) =>
        [.. institutions.Select(i => new InstitutionRef(i.Id, i.Name, i.Abbreviation, i.Kind, i.Partial))];
}
