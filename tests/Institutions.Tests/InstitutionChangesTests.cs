using Samverkan.Institutions.Model;

namespace Samverkan.Institutions.Tests;

public class InstitutionChangesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Institution Sll() => InstitutionChanges.Create("region-stockholm",
        new InstitutionInput("Stockholms läns landsting", "SLL", InstitutionKind.CountyCouncil, null, null));

    [Fact]
    public void Renaming_closes_the_old_name_the_day_before_and_keeps_it_searchable()
    {
        var renamed = InstitutionChanges.Update(Sll(),
            new InstitutionInput("Region Stockholm", null, InstitutionKind.CountyCouncil, null, new DateOnly(2019, 1, 1)), Today);

        Assert.Equal("Region Stockholm", renamed.CurrentName().Name);
        var old = Assert.Single(renamed.Names, name => name.Name == "Stockholms läns landsting");
        Assert.Equal(new DateOnly(2018, 12, 31), old.ValidTo);
        Assert.Contains("SLL", renamed.SearchableNames());
        Assert.Equal(LifecycleType.Renamed, Assert.Single(renamed.Lifecycle).Type);
    }

    [Fact]
    public void An_update_that_keeps_the_name_adds_no_history()
    {
        var updated = InstitutionChanges.Update(Sll(),
            new InstitutionInput("Stockholms läns landsting", "SLL", InstitutionKind.CountyCouncil, "https://sll.se", null), Today);

        Assert.Single(updated.Names);
        Assert.Empty(updated.Lifecycle);
        Assert.Equal("https://sll.se", updated.Website);
    }

    [Fact]
    public void Retiring_keeps_the_institution_and_its_names()
    {
        var retired = InstitutionChanges.Retire(Sll(), Today);

        Assert.Equal(InstitutionStatus.Closed, retired.Status);
        Assert.Equal("Stockholms läns landsting", retired.CurrentName().Name);
        Assert.Equal(Today, retired.Lifecycle[^1].On);
    }

    [Fact]
    public void Merging_links_the_successor()
    {
        var merged = InstitutionChanges.Merge(Sll(), new MergeInput("region-x", new DateOnly(2030, 1, 1), null), Today);

        Assert.Equal(InstitutionStatus.Merged, merged.Status);
        Assert.Equal("region-x", merged.SuccessorId);
        Assert.Equal(["region-x"], merged.Lifecycle[^1].RelatedInstitutionIds);
    }

    [Fact]
    public void A_missing_name_and_kind_are_reported_by_field()
    {
        var errors = InstitutionChanges.Validate(new InstitutionInput(" ", null, null, "not a url", null)).Errors;

        Assert.Equal(["kind", "name", "website"], errors.Keys.Order());
    }
}
