using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.Analysis;

/// <summary>
/// Plans how to reach a region's county councils and universities with the fewest contact
/// points (pure). A forum contact reaches everyone taking part in that forum, but only when the
/// forum is active on the date: a dormant forum's chair reaches nobody. An institution's own
/// contact reaches that institution. A contact also reaches the participants of the active forums
/// it names as a path (<c>alsoReachesForumIds</c>: the Södra office's director reaches Lärosäten Syd). Contacts must be valid on the date. Among equally small
/// plans the preferred contact points are forum contacts before institution contacts, a forum
/// before its sub-groups, fresher verifications first, then contact id.
/// </summary>
public static class ReachPlanner
{
    public static ReachPlan Plan(RegionCoverage coverage, IEnumerable<ContactRecord> contacts, int contactStaleAfterMonths)
    {
        var asOf = coverage.AsOf;
        var index = coverage.Institutions.Select((institution, i) => (institution.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var forums = coverage.Forums.Where(forum => forum.Active).ToDictionary(forum => forum.Id, StringComparer.Ordinal);
        var candidates = new List<(ContactRecord Contact, List<int> Reaches)>();
        foreach (var contact in contacts.Where(contact => contact.ValidOn(asOf)).DistinctBy(contact => contact.Id))
        {
            IEnumerable<string> own = contact.ForumId is { } forumId
                ? forums.TryGetValue(forumId, out var forum) ? forum.Includes : []
                : contact.InstitutionId is { } institutionId && index.ContainsKey(institutionId) ? [institutionId] : [];
            var through = (contact.AlsoReachesForumIds ?? []).SelectMany(id => forums.TryGetValue(id, out var path) ? path.Includes : []);
            var reaches = own.Concat(through).Distinct(StringComparer.Ordinal).Select(id => index[id]).ToList();
            if (reaches.Count > 0)
            {
                candidates.Add((contact, reaches));
            }
        }
        candidates = [.. candidates
            .OrderBy(c => c.Contact.ForumId is null)
            .ThenBy(c => c.Contact.ForumId is { } id && forums.TryGetValue(id, out var forum) && forum.ParentId is not null)
            .ThenByDescending(c => c.Contact.VerifiedOn ?? DateOnly.MinValue)
            .ThenBy(c => c.Contact.Id, StringComparer.Ordinal)];
        var cover = SetCover.Solve([.. candidates.Select(c => (IReadOnlyCollection<int>)c.Reaches)], coverage.Institutions.Count);
        var staleBefore = asOf.AddMonths(-contactStaleAfterMonths);
        var chosen = cover.Chosen.Select(i => candidates[i]).ToList();
        var points = chosen.Select(c => ToReachContact(c.Contact, c.Reaches, coverage, staleBefore)).ToList();
        var reached = chosen.SelectMany(c => c.Reaches).ToHashSet();
        var unreachable = coverage.Institutions.Where((_, i) => !reached.Contains(i))
            .Select(i => new Unreachable(i.Id, i.Name, i.Abbreviation, i.Kind, i.Partial, ReasonFor(i, coverage, asOf)))
            .ToList();
        return new ReachPlan(coverage.RegionId, coverage.RegionName, asOf, cover.Exact, coverage.Institutions.Count, reached.Count,
            points, unreachable, coverage.DataAge, Warnings(coverage, points, contactStaleAfterMonths));
    }

    private static ReachContact ToReachContact(ContactRecord contact, List<int> reaches, RegionCoverage coverage, DateOnly staleBefore)
    {
        // A contact reaching this region only through a path may belong to a forum or institution of another region.
        var forumName = contact.ForumId is null ? null : coverage.Forums.FirstOrDefault(f => f.Id == contact.ForumId)?.Name;
        var institutionName = contact.InstitutionId is null ? null : coverage.Institutions.FirstOrDefault(i => i.Id == contact.InstitutionId)?.Name;
        return new ReachContact(contact.Id, contact.Kind, contact.Function, contact.ForumId, forumName, contact.InstitutionId,
            institutionName, contact.OwnerInstitutionId, contact.VerifiedOn, contact.VerifiedOn is not { } v || v < staleBefore,
            [.. reaches.Order().Select(i => coverage.Institutions[i]).Select(i => new InstitutionRef(i.Id, i.Name, i.Abbreviation, i.Kind, i.Partial))]);
    }

    private static string ReasonFor(InstitutionCoverage institution, RegionCoverage coverage, DateOnly asOf)
    {
        const string own = " and it has no contact of its own valid on that date.";
        var active = institution.Forums.Where(p => p.ForumActive).Select(p => p.ForumName).Distinct().ToList();
        return institution.State switch
        {
            CoverageState.InNoForum => $"It takes part in no forum of {coverage.RegionName} on {Dormancy.Iso(asOf)},{own}",
            CoverageState.OnlyInDormantForums =>
                $"It takes part only in dormant forums ({string.Join(", ", institution.Forums.Select(p => p.ForumName).Distinct())}),{own}",
            _ => $"None of its active forums ({string.Join(", ", active)}) has a contact valid on {Dormancy.Iso(asOf)}{Unknown(institution, coverage)},{own}",
        };
    }

    // "Not known" is not "none": say which of its forums' contacts the registry does not know, or have none appointed.
    private static string Unknown(InstitutionCoverage institution, RegionCoverage coverage)
    {
        var forums = institution.Forums.Where(p => p.ForumActive).Select(p => coverage.Forums.First(f => f.Id == p.ForumId)).DistinctBy(f => f.Id).ToList();
        var notKnown = forums.Where(f => f.ContactAvailability == ContactAvailability.NotKnown).Select(f => f.Name).ToList();
        var none = forums.Where(f => f.ContactAvailability == ContactAvailability.NoneAppointed).Select(f => f.Name).ToList();
        return (notKnown.Count > 0 ? $" (the contact of {string.Join(", ", notKnown)} is not known to the registry)" : "")
            + (none.Count > 0 ? $" ({string.Join(", ", none)} has no contact appointed)" : "");
    }

    private static List<string> Warnings(RegionCoverage coverage, List<ReachContact> points, int contactStaleAfterMonths)
    {
        var warnings = new List<string>();
        if (DataAges.Warning(coverage.DataAge, coverage.AsOf, coverage.DormantAfterMonths, coverage.RegionName) is { } stale)
        {
            warnings.Add(stale);
        }
        foreach (var point in points.Where(p => p.VerificationStale))
        {
            warnings.Add(point.VerifiedOn is { } on
                ? $"Contact {point.ContactId} was last verified on {Dormancy.Iso(on)}, more than {contactStaleAfterMonths} months before {Dormancy.Iso(coverage.AsOf)}: confirm it before relying on it."
                : $"Contact {point.ContactId} has never been verified: confirm it before relying on it.");
        }
        return warnings;
    }
}
