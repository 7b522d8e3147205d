using Samverkan.Institutions.Model;

namespace Samverkan.Institutions.Tests;

/// <summary>What the directory answers other services asking about a date (GetInstitutions with as_of).</summary>
public class NamesOnADateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Institution RenamedSll() => InstitutionChanges.Update(
        InstitutionChanges.Create("region-stockholm", new InstitutionInput("Stockholms läns landsting", "SLL", InstitutionKind.CountyCouncil, null, null)),
        new InstitutionInput("Region Stockholm", null, InstitutionKind.CountyCouncil, null, new DateOnly(2019, 1, 1)), Today);

    [Theory]
    [InlineData("2018-10-24", "Stockholms läns landsting")]
    [InlineData("2018-12-31", "Stockholms läns landsting")]
    [InlineData("2019-01-01", "Region Stockholm")]
    [InlineData("2026-11-23", "Region Stockholm")]
    public void The_name_on_a_date_is_the_one_valid_that_day(string date, string expected) =>
        Assert.Equal(expected, RenamedSll().NameOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Name);

    [Fact]
    public void Before_the_first_dated_name_the_current_name_stands_in()
    {
        var dated = InstitutionChanges.Create("ny", new InstitutionInput("Nya högskolan", null, InstitutionKind.University, null, new DateOnly(2020, 1, 1)));

        Assert.Equal("Nya högskolan", dated.NameOn(new DateOnly(2010, 1, 1)).Name);
    }

    [Fact]
    public void A_merged_institution_ends_on_its_merger_day_and_an_active_one_never()
    {
        var merged = InstitutionChanges.Merge(RenamedSll(), new MergeInput("region-norrland", new DateOnly(2030, 1, 1), null), Today);

        Assert.Equal(new DateOnly(2030, 1, 1), merged.EndedOn());
        Assert.Null(RenamedSll().EndedOn());
    }
}
