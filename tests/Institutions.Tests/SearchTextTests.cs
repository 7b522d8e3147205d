using Samverkan.Text;

namespace Samverkan.Institutions.Tests;

public class SearchTextTests
{
    [Theory]
    [InlineData("örebro", "Region Örebro län", true)]
    [InlineData("ÖREBRO", "Region Örebro län", true)]
    [InlineData("ore", "Region Örebro län", false)]
    [InlineData("vasteras", "Västerås", false)]
    [InlineData("västerås", "VÄSTERÅS", true)]
    [InlineData("lan", "Region Örebro län", false)]
    [InlineData("sll", "SLL", true)]
    public void Swedish_letters_are_letters_of_their_own_and_case_does_not_matter(string query, string name, bool expected) =>
        Assert.Equal(expected, SearchText.Matches(query, [name]));

    [Fact]
    public void A_decomposed_o_with_diaeresis_matches_the_composed_letter() =>
        Assert.True(SearchText.Matches("o\u0308rebro", ["Örebro universitet"]));
}
