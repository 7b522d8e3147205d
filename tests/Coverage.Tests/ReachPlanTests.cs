using Samverkan.Coverage.Analysis;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>The reach plans on the seed as on the day of the report, checked against an exhaustive search done here.</summary>
[Collection(SeededRegistry.Name)]
public class ReachPlanTests(CoverageFixture fixture)
{
    private sealed record ContactRow(string Id, string? ForumId, string? InstitutionId, DateOnly? ValidFrom, DateOnly? ValidTo, List<string>? AlsoReachesForumIds = null);

    [Theory]
    [InlineData("stockholm")]
    [InlineData("sydostra")]
    [InlineData("sodra")]
    [InlineData("vastra")]
    [InlineData("uppsala-orebro")]
    [InlineData("norra")]
    public async Task The_plan_reaches_everyone_a_known_contact_can_reach_with_as_few_contact_points_as_possible(string region)
    {
        var coverage = await fixture.CoverageAsync(region);
        var contacts = await fixture.ClientFor("contacts").GetAllAsync<ContactRow>("/api/contacts?limit=1000");
        var plan = await fixture.ReachAsync(region);

        var reachBy = Candidates(coverage, contacts, coverage.AsOf);
        var reachable = reachBy.Values.SelectMany(set => set).ToHashSet();
        var reached = plan.ContactPoints.SelectMany(point => point.Reaches.Select(i => i.Id)).ToHashSet();
        Assert.True(reachable.SetEquals(reached), $"reached {string.Join(", ", reached)}; reachable {string.Join(", ", reachable)}");
        Assert.Equal(coverage.Institutions.Select(i => i.Id).Where(id => !reachable.Contains(id)), plan.Unreachable.Select(u => u.Id));
        Assert.Equal(SmallestCover(reachBy.Values.ToList(), reachable), plan.ContactPoints.Count);
        Assert.True(plan.Exact);
        Assert.All(plan.ContactPoints, point => Assert.True(reachBy[point.ContactId].SetEquals(point.Reaches.Select(i => i.Id))));
    }

    [Theory]
    [InlineData("norra", "fui-radet-chair", 7)]
    [InlineData("uppsala-orebro", "dialogforum-rur-chair", 13)]
    [InlineData("sydostra", "usb-secretary", 4)]
    [InlineData("sodra", "sodra-regionvardsnamnden-director", 9)]
    public async Task One_forum_contact_is_the_plan_where_the_report_names_one(string region, string contactId, int reaches)
    {
        var plan = await fixture.ReachAsync(region);

        var point = Assert.Single(plan.ContactPoints);
        Assert.Equal((contactId, reaches), (point.ContactId, point.Reaches.Count));
        Assert.False(point.VerificationStale);
    }

    /// <summary>Issue 17: the report names no contact for Utbildningsrådet (its contact persons are in an appendix the registry does not hold), so the registry invents none.</summary>
    [Fact]
    public async Task In_stockholm_no_contact_is_known_since_the_report_names_none()
    {
        var plan = await fixture.ReachAsync("stockholm");

        Assert.Empty(plan.ContactPoints);
        Assert.Equal(plan.Institutions, plan.Unreachable.Count);
        var reason = plan.Unreachable.Single(u => u.Id == "karolinska-institutet").Reason;
        Assert.Matches("the contact of [^)]*Utbildningsrådet[^)]* is not known to the registry", reason);
    }

    [Fact]
    public async Task In_vastra_no_contact_is_known_so_everyone_is_unreachable_with_a_reason()
    {
        var plan = await fixture.ReachAsync("vastra");

        Assert.Empty(plan.ContactPoints);
        Assert.Equal(6, plan.Unreachable.Count);
        Assert.Contains("no forum", plan.Unreachable.Single(u => u.Id == "region-halland").Reason);
        Assert.Contains("Regional samverkansgrupp", plan.Unreachable.Single(u => u.Id == "hogskolan-vast").Reason);
    }

    /// <summary>What each usable contact reaches: active forums' contacts reach their participants; an institution's own contact reaches it.</summary>
    private static Dictionary<string, HashSet<string>> Candidates(RegionCoverage coverage, IEnumerable<ContactRow> contacts, DateOnly asOf)
    {
        var forums = coverage.Forums.Where(f => f.Active).ToDictionary(f => f.Id);
        var members = coverage.Institutions.Select(i => i.Id).ToHashSet();
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var contact in contacts.Where(c => (c.ValidFrom ?? DateOnly.MinValue) <= asOf && (c.ValidTo ?? DateOnly.MaxValue) >= asOf))
        {
            var reaches = new HashSet<string>();
            if (contact.ForumId is { } forumId && forums.TryGetValue(forumId, out var forum))
            {
                reaches.UnionWith(forum.Includes);
            }
            else if (contact.InstitutionId is { } institutionId && members.Contains(institutionId))
            {
                reaches.Add(institutionId);
            }
            foreach (var path in contact.AlsoReachesForumIds ?? [])
            {
                reaches.UnionWith(forums.TryGetValue(path, out var through) ? through.Includes : []);
            }
            if (reaches.Count > 0)
            {
                result[contact.Id] = reaches;
            }
        }
        return result;
    }

    /// <summary>Tries every subset, smallest first.</summary>
    private static int SmallestCover(List<HashSet<string>> sets, HashSet<string> universe)
    {
        Assert.True(sets.Count <= 16, "Too many contacts for an exhaustive search.");
        for (var size = 0; size <= sets.Count; size++)
        {
            for (var mask = 0; mask < 1 << sets.Count; mask++)
            {
                if (int.PopCount(mask) == size
                    && universe.IsSubsetOf(Enumerable.Range(0, sets.Count).Where(i => (mask & (1 << i)) != 0).SelectMany(i => sets[i])))
                {
                    return size;
                }
            }
        }
        throw new InvalidOperationException("No cover found.");
    }
}
