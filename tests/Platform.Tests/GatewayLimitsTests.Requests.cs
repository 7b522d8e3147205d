using System.Net;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// Requests the web server itself would refuse with an empty body (a request line or headers
/// over its limits) are refused with problem+json, by the gateway and by a service reached directly.
/// </summary>
public sealed partial class GatewayLimitsTests
{
    public static TheoryData<string> Entries() => ["gateway", "service"];

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_100000_character_id_is_a_414_problem(string via)
    {
        using var response = await Client(via).GetAsync($"/api/institutions/{new string('a', 100_000)}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Contains("8192", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task An_id_just_under_the_line_limit_is_looked_up_as_usual(string via)
    {
        using var response = await Client(via).GetAsync($"/api/institutions/{new string('a', 8_000)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_64_KB_header_is_a_431_problem(string via)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/institutions");
        request.Headers.Add("X-Padding", new string('x', 64 * 1024));

        using var response = await Client(via).SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Too_many_headers_are_a_431_problem(string via)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/institutions");
        for (var i = 0; i < 150; i++)
        {
            request.Headers.Add($"X-Padding-{i}", "x");
        }

        using var response = await Client(via).SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    /// <summary>
    /// Kestrel refuses a NUL in the decoded path itself, before any middleware runs, and offers no
    /// setting to let it through (docs/api.md): the promise kept is a 400 that serves nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Entries))]
    public async Task A_NUL_in_the_path_is_refused_with_400(string via)
    {
        using var response = await Client(via).GetAsync("/api/institutions/umea%00universitet");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Client(string via) => via == "gateway"
        ? Fixture.GatewayAs(HardenedGatewayFixture.FreshAdmin("refusals"))
        : JsonHttp.CreateClient(Fixture.Platform.RestUrl("institutions"), Fixture.Token(TokenRequest.Admin));
}
