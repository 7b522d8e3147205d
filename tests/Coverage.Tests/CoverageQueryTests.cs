using System.Net;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

[Collection(SeededRegistry.Name)]
public class CoverageQueryTests(CoverageFixture fixture)
{
    [Theory]
    [InlineData("/api/coverage/regions/atlantis")]
    [InlineData("/api/coverage/regions/atlantis/reach")]
    [InlineData("/api/coverage/regions/atlantis/forums")]
    [InlineData("/api/regions/atlantis/coverage")]
    [InlineData("/api/regions/atlantis/reach")]
    public async Task An_unknown_region_is_a_404_problem(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/regions/norra/coverage?asOf=24/10/2018")]
    [InlineData("/api/regions/norra/reach?asOf=2018-13-01")]
    [InlineData("/api/coverage?asOf=2999-01-01")]
    [InlineData("/api/coverage/regions/norra/institutions?asOf=2018-02-30")]
    [InlineData("/api/coverage/exports/report.html?asOf=yesterday")]
    [InlineData("/api/exports/report.html?asOf=yesterday")]
    public async Task A_date_that_is_malformed_or_in_the_future_is_a_problem_naming_as_of(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        await ProblemAssert.NamesFieldsAsync(response, "asOf");
    }

    [Theory]
    [InlineData("/api/coverage/regions/norra?include=everything", "include")]
    [InlineData("/api/coverage/regions/norra/forums?limit=0", "limit")]
    [InlineData("/api/coverage/regions/norra/forums?cursor=bm8tc3VjaC1mb3J1bQ", "cursor")]
    public async Task A_bad_include_limit_or_cursor_is_a_problem_naming_the_field(string path, string field)
    {
        using var response = await fixture.Client.GetAsync(path);

        await ProblemAssert.NamesFieldsAsync(response, field);
    }
}
