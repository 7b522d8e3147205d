using System.Text;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>Enums are read by their camelCase name exactly, and the OpenAPI document says so.</summary>
public sealed class StrictJsonTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    [Theory]
    [InlineData("\"UNIVERSITY\"")]
    [InlineData("\"University\"")]
    [InlineData("\"university \"")]
    [InlineData("\"university, other\"")]
    [InlineData("1")]
    public async Task A_kind_not_spelt_exactly_as_documented_is_refused_naming_the_field(string kind)
    {
        var name = $"Strikt högskola {Guid.NewGuid():N}";
        using var content = new StringContent($$"""{"name":"{{name}}","kind":{{kind}}}""", Encoding.UTF8, "application/json");

        using var response = await fixture.Client.PostAsync("/api/institutions", content);

        await ProblemAssert.NamesFieldsAsync(response, "kind");
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("countyCouncil", problem);
        Assert.Empty(await fixture.Client.GetAllAsync<object>($"/api/institutions?q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_each_enum_by_the_names_the_API_reads()
    {
        using var document = JsonDocument.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"));

        var kind = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("InstitutionKind");

        Assert.Equal(["countyCouncil", "university", "municipality", "association", "other"],
            kind.GetProperty("enum").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("string", kind.GetProperty("type").GetString());
    }
}
